/** Starts the Phaser scene that matches the session's screen. */
import type Phaser from 'phaser';
import type { GameSession, Screen } from '../flow/session.ts';

// Phaser.Scenes status values (constants, so this module needs no Phaser at runtime).
const SCENE_INIT = 1;
const SCENE_SLEEPING = 7;

const SCENE_FOR_SETTING: Record<string, string> = { aisle: 'Aisle', desk: 'Desk' };

export function directScenes(game: Phaser.Game, session: GameSession): () => void {
  // The scenes on stage, for tools and tests to read from the canvas: exactly one, once settled.
  const onStage = new Set<string>();
  const tracked = new WeakSet<object>();
  const track = (): void => {
    for (const scene of game.scene.scenes) {
      if (tracked.has(scene)) continue;
      tracked.add(scene);
      const key = scene.scene.key;
      const publish = () => {
        game.canvas.dataset.scenes = [...onStage].join(' ');
      };
      scene.events.on('create', () => {
        onStage.add(key);
        publish();
      });
      scene.events.on('shutdown', () => {
        onStage.delete(key);
        publish();
      });
    }
  };
  const show = (key: string, data?: object): void => {
    // Every other scene that is running or still starting (loading its files, say) stops: a scene
    // asked for a moment ago and still loading would otherwise appear later, over this one (a run
    // resumed the instant loading finished came up behind the title backdrop).
    for (const scene of game.scene.scenes) {
      const status = scene.sys.settings.status;
      const live = status >= SCENE_INIT && status <= SCENE_SLEEPING;
      if (scene.scene.key !== key && live) game.scene.stop(scene.scene.key);
    }
    track();
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
