import Phaser from 'phaser';
import { backgroundKey } from '../art';

/** Behind the title menu: the shop front at dusk, drifting slowly. The menu itself is DOM. */
export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(): void {
    const { width, height } = this.scale;
    const bg = this.add.image(width / 2, height / 2, backgroundKey('menu')).setDisplaySize(width, height);
    this.tweens.add({
      targets: bg,
      scale: bg.scale * 1.04,
      duration: 18000,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.InOut',
    });
    this.cameras.main.fadeIn(400, 20, 32, 58);
  }
}
