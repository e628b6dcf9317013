import Phaser from 'phaser';
import { backgroundKey } from '../art.ts';
import { motionMs } from '../motion.ts';

/** Behind the title menu: the shop front at dusk. The menu itself is DOM. */
export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(): void {
    const { width, height } = this.scale;
    this.add.image(width / 2, height / 2, backgroundKey('menu')).setDisplaySize(width, height);
    this.cameras.main.fadeIn(motionMs(400), 20, 32, 58);
  }
}
