/** A drawn character: a body per pose, a face per expression, and the moves a scene asks for. */
import Phaser from 'phaser';
import type { Expression } from '../engine/tags.ts';
import { bodyKey, faceKey, manifest } from './art.ts';
import { reducedMotion } from './motion.ts';

export class Actor extends Phaser.GameObjects.Container {
  private readonly figure: Phaser.GameObjects.Image;
  private readonly face: Phaser.GameObjects.Image;
  private readonly bubble: Phaser.GameObjects.Container;
  private _pose: string;
  private _expression: Expression = 'neutral';
  private walking: Phaser.Tweens.Tween | undefined;
  /** A little squash on a pose change; off for figures cut off by furniture (the seated agent). */
  squash = true;

  constructor(
    scene: Phaser.Scene,
    readonly character: string,
    x: number,
    y: number,
    pose: string = 'stand',
  ) {
    super(scene, x, y);
    this._pose = this.validPose(pose);
    this.figure = scene.add.image(0, 0, bodyKey(character, this._pose)).setOrigin(0.5, 1);
    this.face = scene.add.image(0, 0, faceKey('neutral'));
    this.bubble = this.makeBubble(scene);
    this.add([this.figure, this.face, this.bubble]);
    this.placeFace();
    scene.add.existing(this);
  }

  get pose(): string {
    return this._pose;
  }

  get expression(): Expression {
    return this._expression;
  }

  setPose(pose: string): this {
    const next = this.validPose(pose);
    if (next === this._pose) return this;
    this._pose = next;
    this.figure.setTexture(bodyKey(this.character, next));
    this.placeFace();
    // A little settle so the change reads as movement, not a swap.
    if (this.squash && !reducedMotion())
      this.scene.tweens.add({
        targets: this.figure,
        scaleY: { from: 0.96, to: 1 },
        duration: 180,
        ease: 'Back.Out',
      });
    return this;
  }

  setExpression(expression: Expression): this {
    if (expression === this._expression) return this;
    this._expression = expression;
    this.face.setTexture(faceKey(expression));
    if (!reducedMotion())
      this.scene.tweens.add({
        targets: this.face,
        scale: { from: 1.15, to: 1 },
        duration: 220,
        ease: 'Quad.Out',
      });
    return this;
  }

  /** Shows or hides the speech bubble over the head. */
  setSpeaking(speaking: boolean): this {
    if (speaking && !this.bubble.visible && !reducedMotion()) {
      this.scene.tweens.add({
        targets: this.bubble,
        scale: { from: 0.6, to: 1 },
        duration: 160,
        ease: 'Back.Out',
      });
    }
    this.bubble.setVisible(speaking);
    return this;
  }

  /** Walks to x; resolves when there. */
  walkTo(x: number, msPerPixel = 2.6): Promise<void> {
    this.walking?.stop();
    const distance = Math.abs(x - this.x);
    if (distance < 2) return Promise.resolve();
    if (reducedMotion()) {
      this.x = x;
      return Promise.resolve();
    }
    this.figure.setFlipX(x < this.x);
    this.face.setFlipX(x < this.x);
    const bob = this.scene.tweens.add({
      targets: this.figure,
      y: -8,
      duration: 160,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.InOut',
    });
    return new Promise((resolve) => {
      this.walking = this.scene.tweens.add({
        targets: this,
        x,
        duration: distance * msPerPixel,
        ease: 'Sine.InOut',
        onComplete: () => {
          bob.stop();
          this.figure.y = 0;
          this.figure.setFlipX(false);
          this.face.setFlipX(false);
          this.placeFace();
          resolve();
        },
        onStop: () => {
          bob.stop();
          this.figure.y = 0;
          resolve();
        },
      });
    });
  }

  private validPose(pose: string): string {
    const poses = manifest.characters[this.character]?.poses ?? {};
    if (poses[pose]) return pose;
    return poses.stand ? 'stand' : (Object.keys(poses)[0] ?? 'stand');
  }

  private placeFace(): void {
    const art = manifest.characters[this.character]?.poses[this._pose];
    if (!art) return;
    const fx = (this.figure.flipX ? art.width - art.face.x : art.face.x) - art.width / 2;
    this.face.setPosition(fx, art.face.y - art.height);
    this.bubble.setPosition(fx + 46, art.face.y - art.height - 70);
  }

  private makeBubble(scene: Phaser.Scene): Phaser.GameObjects.Container {
    const g = scene.add.graphics();
    g.fillStyle(0xffffff, 1);
    g.lineStyle(3, 0x1f2a44, 1);
    g.fillRoundedRect(-34, -24, 68, 44, 16);
    g.strokeRoundedRect(-34, -24, 68, 44, 16);
    g.fillTriangle(-14, 18, -2, 18, -22, 34);
    g.lineBetween(-14, 20, -22, 34);
    g.lineBetween(-22, 34, -2, 20);
    g.fillStyle(0x1f2a44, 1);
    for (const dx of [-14, 0, 14]) g.fillCircle(dx, -2, 4.5);
    return scene.add.container(0, 0, [g]).setVisible(false);
  }
}
