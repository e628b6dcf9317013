import Phaser from 'phaser';
import type { StoryEntry } from '../../authoring/catalog.ts';
import type { Beat, GameSession } from '../../flow/session.ts';
import { Actor } from '../Actor.ts';
import { backgroundKey, manifest, propKey } from '../art.ts';
import { followBeats } from '../followBeats.ts';
import { motionMs, reducedMotion } from '../motion.ts';

/** The contact-centre desk: the trainee at a phone that rings, holds and drops. */
export class Desk extends Phaser.Scene {
  private agent: Actor | undefined;
  private ring: Phaser.GameObjects.Image | undefined;
  private holdLight: Phaser.GameObjects.Image | undefined;

  constructor(private readonly session: GameSession) {
    super('Desk');
  }

  create(_data: { entry: StoryEntry }): void {
    const { width, height } = this.scale;
    this.add.image(width / 2, height / 2, backgroundKey('desk')).setDisplaySize(width, height);
    const spot = manifest.stage?.desk?.agent ?? { x: 420, y: 720 };
    this.agent = new Actor(this, 'agent', spot.x, spot.y, 'seated');
    this.agent.squash = false;
    const ring = manifest.props?.phoneRing;
    this.ring = ring ? this.add.image(ring.x, ring.y, propKey('phoneRing')).setVisible(false) : undefined;
    const light = manifest.props?.holdLight;
    this.holdLight = light
      ? this.add.image(light.x, light.y, propKey('holdLight')).setVisible(false)
      : undefined;

    this.cameras.main.fadeIn(motionMs(350), 20, 32, 58);
    followBeats(this, this.session, (beat) => this.onBeat(beat));
  }

  private onBeat(beat: Beat): void {
    const agent = this.agent;
    if (!agent) return;
    const { marks } = beat.line;
    this.ringing(beat.ringing);
    const onHold = Boolean(marks.hold);
    this.holdLight?.setVisible(onHold);
    if (beat.ringing) agent.setPose('seated').setExpression('neutral');
    else if (onHold) agent.setPose('hold');
    else if (marks.dropped !== undefined) agent.setPose('seated').setExpression('confused');
    else if (marks.call !== undefined) agent.setPose('listening').setExpression('neutral');
    else if (beat.line.role === 'player') agent.setPose('seated');
    else if (beat.line.role === 'customer') agent.setPose('listening');
    agent.setSpeaking(beat.line.role === 'player' && !beat.ringing);
  }

  private ringing(on: boolean): void {
    const ring = this.ring;
    if (!ring) return;
    this.tweens.killTweensOf(ring);
    ring.setVisible(on).setAlpha(1).setScale(1);
    if (on && !reducedMotion()) {
      // Two short pulses, like the ring itself; the loop stops when the phone is answered.
      this.tweens.add({ targets: ring, scale: 1.12, alpha: 0.55, duration: 220, yoyo: true, repeat: 3 });
    }
  }
}
