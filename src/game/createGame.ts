import Phaser from 'phaser';
import type { GameSession } from '../flow/session';
import { directScenes } from './director';
import { sleepWhenIdle } from './idle';
import { Aisle } from './scenes/Aisle';
import { Boot } from './scenes/Boot';
import { Debrief } from './scenes/Debrief';
import { Preloader } from './scenes/Preloader';
import { Title } from './scenes/Title';

export function createGame(parent: HTMLElement, session: GameSession): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 1280,
    height: 720,
    backgroundColor: '#14203a',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Keyboard input belongs to the DOM overlay; Phaser must not swallow keys.
    input: { keyboard: false },
    banner: false,
    scene: [new Boot(), new Preloader(session), new Title(), new Aisle(session), new Debrief()],
  });
  directScenes(game, session);
  sleepWhenIdle(game, session);
  return game;
}
