/** Starts the Phaser scene that matches the session's screen. */
import type Phaser from 'phaser';
import type { GameSession, Screen } from '../flow/session.ts';

const SCENE_FOR_SETTING: Record<string, string> = { aisle: 'Aisle', desk: 'Desk' };

export function directScenes(game: Phaser.Game, session: GameSession): () => void {
  const show = (key: string, data?: object): void => {
    for (const scene of game.scene.getScenes(true)) {
      if (scene.scene.key !== key) game.scene.stop(scene.scene.key);
    }
    game.scene.start(key, data);
  };
  const showScreen = (screen: Screen): void => {
    // Until loading is done the Preloader owns the stage; it hands over through 'ready'.
    if (!session.ready) return;
    switch (screen.name) {
      case 'menu':
      case 'author':
      case 'history':
      case 'dashboard':
        show('Title');
        break;
      case 'playing':
        show(SCENE_FOR_SETTING[screen.entry.metadata.setting] ?? 'Aisle', { entry: screen.entry });
        break;
      case 'debrief':
        show('Debrief', { entry: screen.entry, debrief: screen.debrief });
        break;
      case 'problem':
      case 'loading':
        break;
    }
  };
  const offScreen = session.events.on('screen', showScreen);
  const offReady = session.events.on('ready', () => showScreen(session.screen));
  return () => {
    offScreen();
    offReady();
  };
}
