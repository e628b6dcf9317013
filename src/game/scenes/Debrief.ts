import Phaser from 'phaser';
import type { StoryEntry } from '../../authoring/catalog.ts';
import type { Debrief as DebriefData } from '../../engine/debrief.ts';
import { Actor } from '../Actor.ts';
import { backgroundKey, CHARACTER_FOR_ROLE } from '../art.ts';
import { motionMs } from '../motion.ts';

/** Behind the debrief: the aisle, dimmed and softened, and the customer as the call left them. */
export class Debrief extends Phaser.Scene {
  constructor() {
    super('Debrief');
  }

  create(data: { entry: StoryEntry; debrief: DebriefData }): void {
    const { width, height } = this.scale;
    const atDesk = data.entry.metadata.setting === 'desk';
    const bg = this.add
      .image(width / 2, height / 2, backgroundKey(atDesk ? 'desk' : 'aisle'))
      .setDisplaySize(width, height);
    // Filters are WebGL only; on the Canvas renderer the dimming alone does the job.
    if (this.renderer.type === Phaser.WEBGL) bg.enableFilters().filters?.internal.addBlur(1, 2, 2, 1);
    this.add.rectangle(width / 2, height / 2, width, height, 0x0e1830, 0.55);
    const de = data.debrief.axes.find((a) => a.axis === 'de');
    const customer = data.entry.metadata.cast.find((c) => c.role === 'customer');
    if (customer && de) {
      // At the desk the caller is a voice; the rep is who we see.
      const actor = atDesk
        ? new Actor(this, 'agent', 1060, 700, 'seated')
        : new Actor(
            this,
            CHARACTER_FOR_ROLE.customer,
            1060,
            700,
            de.band === 'weak' ? 'arms-crossed' : 'stand',
          );
      actor.setExpression(de.band === 'strong' ? 'pleased' : de.band === 'mixed' ? 'neutral' : 'annoyed');
      actor.setAlpha(0);
      this.tweens.add({ targets: actor, alpha: 1, duration: motionMs(500) });
    }
    this.cameras.main.fadeIn(motionMs(300), 14, 24, 48);
  }
}
