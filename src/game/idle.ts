/**
 * Phaser redraws every frame, but a dialogue scene stands still most of the time while the trainee
 * reads. When nothing moves the game loop sleeps; anything the session says wakes it. On a training
 * PC's integrated (or software) GPU this is the difference between a busy fan and an idle one, and
 * it keeps the dialogue text painting at once.
 */
import Phaser from 'phaser';
import type { GameSession } from '../flow/session.ts';

const SETTLE_FRAMES = 1;
/** How long the trainee rests on a line before the scene animates its reaction. */
const READING_PAUSE_MS = 180;

function busy(game: Phaser.Game): boolean {
  for (const scene of game.scene.getScenes(true)) {
    const key = scene.scene.key;
    if (key === 'Boot' || key === 'Preloader') return true;
    if (scene.tweens.getTweens().length > 0) return true;
    const camera = scene.cameras.main;
    if (camera.fadeEffect.isRunning || camera.panEffect.isRunning || camera.zoomEffect.isRunning) return true;
  }
  // A scene start queued by the director runs on the next step.
  return game.scene.isProcessing || game.scene.getScenes(true).length === 0;
}

export function sleepWhenIdle(game: Phaser.Game, session: GameSession): () => void {
  let still = 0;
  const afterRender = (): void => {
    still = busy(game) ? 0 : still + 1;
    if (still >= SETTLE_FRAMES && game.loop.running) game.loop.sleep();
  };
  const wake = (): void => {
    still = 0;
    if (!game.loop.running) game.loop.wake();
  };
  // The trainee acted: hold the world so the browser paints the new line on its own, and animate
  // the reaction once they pause to read. Clicking quickly through lines never waits on the scene.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wakeSoon = (): void => {
    if (game.loop.running) game.loop.sleep();
    clearTimeout(timer);
    timer = setTimeout(() => requestAnimationFrame(wake), READING_PAUSE_MS);
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, afterRender);
  const offs = [
    session.events.on('screen', wakeSoon),
    session.events.on('beat', wakeSoon),
    session.events.on('chose', wakeSoon),
  ];
  window.addEventListener('resize', wake);
  return () => {
    game.events.off(Phaser.Core.Events.POST_RENDER, afterRender);
    for (const off of offs) off();
    window.removeEventListener('resize', wake);
    clearTimeout(timer);
  };
}
