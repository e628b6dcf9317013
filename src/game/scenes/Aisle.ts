import Phaser from 'phaser';
import type { StoryEntry } from '../../authoring/catalog.ts';
import { moodExpression, moodPose } from '../../engine/mood.ts';
import type { Direction, Place, Role } from '../../engine/tags.ts';
import type { Beat, GameSession } from '../../flow/session.ts';
import { Actor } from '../Actor.ts';
import { backgroundKey, CHARACTER_FOR_ROLE } from '../art.ts';
import { followBeats } from '../followBeats.ts';
import { motionMs } from '../motion.ts';

/** Where people stand (feet x). The right third of the canvas sits under the dialogue panel. */
const HOME: Partial<Record<Role, number>> = { player: 330, customer: 585 };
const SPARE_SPOTS = [120, 735, 880];
const FLOOR_Y = 700;
const SCALE = 0.92;

/** The supermarket aisle: a clerk at an empty shelf, and whoever the story brings along. */
export class Aisle extends Phaser.Scene {
  private actors = new Map<string, Actor>();
  private roles = new Map<string, Role>();
  private spots = new Map<string, number>();
  private backdrop: Phaser.GameObjects.Image | undefined;
  private place: Place = 'aisle';
  private mood = 0;

  constructor(private readonly session: GameSession) {
    super('Aisle');
  }

  create(data: { entry: StoryEntry }): void {
    const { width, height } = this.scale;
    this.actors = new Map();
    this.spots = new Map();
    this.roles = new Map(data.entry.metadata.cast.map((c) => [c.name, c.role]));
    this.place = 'aisle';
    this.mood = 0;
    this.backdrop = this.add
      .image(width / 2, height / 2, backgroundKey('aisle'))
      .setDisplaySize(width, height);

    for (const { name, role } of data.entry.metadata.cast) {
      const home = HOME[role];
      const onStage = role === 'player' || role === 'customer';
      const actor = new Actor(
        this,
        CHARACTER_FOR_ROLE[role],
        home ?? -200,
        FLOOR_Y,
        role === 'player' ? 'kneel' : 'stand',
      );
      actor.setScale(SCALE).setVisible(onStage);
      if (role === 'customer' && home !== undefined) {
        // The shopper walks up to the clerk.
        actor.x = width + 160;
        void actor.walkTo(home, 2.2);
      }
      if (home !== undefined) this.spots.set(name, home);
      this.actors.set(name, actor);
    }
    // The clerk is in front of the customer when they overlap.
    for (const [name, actor] of this.actors) actor.setDepth(this.roles.get(name) === 'player' ? 10 : 5);

    this.cameras.main.fadeIn(motionMs(350), 20, 32, 58);
    followBeats(this, this.session, (beat) => this.onBeat(beat));
  }

  private onBeat(beat: Beat): void {
    for (const d of beat.line.directions) this.direct(d);
    this.showMood(beat);
    for (const [name, actor] of this.actors) actor.setSpeaking(name === beat.line.speaker && actor.visible);
  }

  private direct(d: Direction): void {
    if (d.kind === 'place') {
      this.moveTo(d.place);
      return;
    }
    const actor = d.who ? this.actors.get(d.who) : undefined;
    if (!actor || !d.who) return;
    switch (d.kind) {
      case 'react':
        actor.setExpression(d.expression);
        break;
      case 'pose':
        actor.setPose(d.pose);
        break;
      case 'enter':
        this.enter(d.who, actor);
        break;
      case 'exit':
        this.exit(d.who, actor);
        break;
    }
  }

  /**
   * When the customer's mood moves and the author has not said how they look, their face and posture
   * follow it: an irritated customer frowns and, past a point, folds their arms.
   */
  private showMood(beat: Beat): void {
    const mood = beat.call.mood;
    if (mood === this.mood) return;
    this.mood = mood;
    const customer = [...this.roles].find(([, role]) => role === 'customer')?.[0];
    const actor = customer ? this.actors.get(customer) : undefined;
    if (!customer || !actor) return;
    const directed = beat.line.directions.filter((d) => 'who' in d && d.who === customer);
    if (!directed.some((d) => d.kind === 'react')) actor.setExpression(moodExpression(mood));
    if (!directed.some((d) => d.kind === 'pose') && actor.pose !== 'point') actor.setPose(moodPose(mood));
  }

  /** Cross-fades to another backdrop: the people stay, the shelves change. */
  private moveTo(place: Place): void {
    const old = this.backdrop;
    if (place === this.place || !old) return;
    this.place = place;
    const { width, height } = this.scale;
    const next = this.add
      .image(width / 2, height / 2, backgroundKey(place))
      .setDisplaySize(width, height)
      .setDepth(-1)
      .setAlpha(0);
    old.setDepth(-2);
    this.backdrop = next;
    this.tweens.add({ targets: next, alpha: 1, duration: motionMs(450), onComplete: () => old.destroy() });
  }

  private enter(name: string, actor: Actor): void {
    if (actor.visible) return;
    const taken = new Set(
      [...this.spots.entries()].filter(([n]) => this.actors.get(n)?.visible && n !== name).map(([, x]) => x),
    );
    const spot = this.spots.get(name) ?? SPARE_SPOTS.find((x) => !taken.has(x)) ?? SPARE_SPOTS[0] ?? 760;
    this.spots.set(name, spot);
    actor.x = spot < this.scale.width / 2 ? -160 : this.scale.width + 160;
    actor.setVisible(true);
    void actor.walkTo(spot);
  }

  private exit(name: string, actor: Actor): void {
    if (!actor.visible) return;
    const spot = this.spots.get(name) ?? actor.x;
    const target = spot < this.scale.width / 2 ? -180 : this.scale.width + 180;
    void actor.walkTo(target).then(() => {
      actor.setVisible(false);
      actor.setSpeaking(false);
      if (!HOME[this.roles.get(name) ?? 'bystander']) this.spots.delete(name);
    });
  }
}
