import Phaser from 'phaser';
import type { GameSession } from '../flow/session.ts';
import { directScenes } from './director.ts';
import { fitToParent } from './fit.ts';
import { sleepWhenIdle } from './idle.ts';
import { chooseRenderer } from './renderer.ts';
import { Aisle } from './scenes/Aisle.ts';
import { Boot } from './scenes/Boot.ts';
import { Debrief } from './scenes/Debrief.ts';
import { Desk } from './scenes/Desk.ts';
import { Preloader } from './scenes/Preloader.ts';
import { Title } from './scenes/Title.ts';

export function createGame(parent: HTMLElement, session: GameSession): Phaser.Game {
  const game = new Phaser.Game({
    type: chooseRenderer(),
    parent,
    width: 1280,
    height: 720,
    backgroundColor: '#14203a',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Keyboard input belongs to the DOM overlay; Phaser must not swallow keys.
    input: { keyboard: false },
    banner: false,
    scene: [
      new Boot(),
      new Preloader(session),
      new Title(),
      new Aisle(session),
      new Desk(session),
      new Debrief(),
    ],
  });
  directScenes(game, session);
  sleepWhenIdle(game, session);
  fitToParent(game, parent);
  return game;
}
