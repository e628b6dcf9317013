import Phaser from 'phaser';
import type { Expression } from '../../engine/tags.ts';
import type { GameSession } from '../../flow/session.ts';
import { artUrl, backgroundKey, bodyKey, faceKey, manifest, propKey } from '../art.ts';

/** Loads the art and every compiled story, with a progress bar, then opens the menu. */
export class Preloader extends Phaser.Scene {
  constructor(private readonly session: GameSession) {
    super('Preloader');
  }

  preload(): void {
    // The menu is already usable in the DOM on the left; the stage gets ready on the right.
    const { width, height } = this.scale;
    const cx = width * 0.72;
    const barWidth = Math.min(380, width * 0.36);
    const x = cx - barWidth / 2;
    const y = height / 2;
    const label = this.add
      .text(cx, y - 36, 'Setting up the shop floor… 0%', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '22px',
        color: '#f4efe6',
      })
      .setOrigin(0.5);
    const track = this.add.graphics();
    track.fillStyle(0x24345a, 1).fillRoundedRect(x, y - 10, barWidth, 20, 10);
    const fill = this.add.graphics();
    this.load.on('progress', (p: number) => {
      fill
        .clear()
        .fillStyle(0xf2b441, 1)
        .fillRoundedRect(x, y - 10, Math.max(20, barWidth * p), 20, 10);
      label.setText(`Setting up the shop floor… ${Math.round(p * 100)}%`);
      this.session.reportLoading(p);
    });
    this.load.on('loaderror', (file: Phaser.Loader.File) => {
      label.setText(`Could not load ${file.key}`);
    });

    for (const [name, file] of Object.entries(manifest.backgrounds)) {
      this.load.svg(backgroundKey(name), artUrl(file), { width: 1280, height: 720 });
    }
    for (const [expression, file] of Object.entries(manifest.faces)) {
      this.load.svg(faceKey(expression as Expression), artUrl(file));
    }
    for (const [character, { poses }] of Object.entries(manifest.characters)) {
      for (const [pose, art] of Object.entries(poses)) {
        if (art) this.load.svg(bodyKey(character, pose), artUrl(art.file));
      }
    }
    for (const [name, prop] of Object.entries(manifest.props ?? {})) {
      this.load.svg(propKey(name), artUrl(prop.file));
    }
    for (const story of this.session.stories) this.load.text(`story-${story.id}`, story.url);
  }

  create(): void {
    const missing: string[] = [];
    for (const story of this.session.stories) {
      const json = this.cache.text.get(`story-${story.id}`) as string | undefined;
      if (json) this.session.setStoryJson(story.id, json);
      else missing.push(story.metadata.title);
    }
    if (missing.length) {
      this.session.events.emit('notice', { message: `Could not load: ${missing.join(', ')}`, tone: 'error' });
    }
    // Hand over once this scene has finished being created: stopping a scene from inside its own
    // create() does not hold (Phaser marks it running after create returns), and the loading screen
    // would stay up over the scene that replaced it.
    this.events.once(Phaser.Scenes.Events.CREATE, () => this.session.markReady());
  }
}
