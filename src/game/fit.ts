/**
 * The page lays the scene out in the place it has (beside the conversation, or above it on a
 * phone) by sizing the canvas's parent. Phaser checks its parent's size only while its loop runs,
 * and the loop sleeps while the trainee reads: refit at once when the parent changes size. A fit
 * only rescales the canvas on the page (its pixels stay 1280×720), so it needs no new frame and
 * does not wake the loop: starting a scenario moves the scene into its place without the scene's
 * start-up jumping ahead of the first line.
 */
import type Phaser from 'phaser';

export function fitToParent(game: Phaser.Game, parent: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => {
    game.scale.getParentBounds();
    game.scale.refresh();
  });
  observer.observe(parent);
  return () => observer.disconnect();
}
