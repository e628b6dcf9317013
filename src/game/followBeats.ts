/**
 * A scene that shows the conversation: it hears every beat while it runs, stops when it shuts
 * down (no listeners left behind on a restart), and catches up with the beat already on screen.
 */
import Phaser from 'phaser';
import type { Beat, GameSession } from '../flow/session.ts';

export function followBeats(scene: Phaser.Scene, session: GameSession, onBeat: (beat: Beat) => void): void {
  const off = session.events.on('beat', onBeat);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
  const current = session.beat;
  if (current) onBeat(current);
}
