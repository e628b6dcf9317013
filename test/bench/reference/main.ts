/**
 * The benchmark's reference: the same Phaser 4 build and canvas size as the game, one scene that
 * draws a shape and says it is ready. The game's startup is measured as a ratio to this.
 */
import Phaser from 'phaser';

class Bare extends Phaser.Scene {
  constructor() {
    super('Bare');
  }

  create(): void {
    this.add.rectangle(640, 360, 320, 180, 0xf2b441);
    const button = document.createElement('button');
    button.textContent = 'Ready';
    document.body.append(button);
    document.body.dataset.screen = 'menu';
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  width: 1280,
  height: 720,
  backgroundColor: '#14203a',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  banner: false,
  scene: [Bare],
});
