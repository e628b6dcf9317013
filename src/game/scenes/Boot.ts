import Phaser from 'phaser';

/** First scene: sets the stage colour and hands over to the preloader straight away. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor('#14203a');
    this.scene.start('Preloader');
  }
}
