/**
 * The page lays the scene out in the place it has (beside the conversation, or above it on a
 * phone) by sizing the canvas's parent. Phaser checks its parent's size only while its loop runs,
 * and the loop sleeps while the trainee reads: refit at once when the parent changes size.
 */
import type Phaser from 'phaser';

export function fitToParent(game: Phaser.Game, parent: HTMLElement, wake: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => {
    game.scale.getParentBounds();
    game.scale.refresh();
    wake();
  });
  observer.observe(parent);
  return () => observer.disconnect();
}
