/**
 * The DOM layer over the canvas: it renders whatever screen the session is on and turns keys into
 * session calls. It holds no game logic.
 */

import type { AudioOutput } from '../audio/audio.ts';
import { commandFor, type KeyCommand } from '../flow/keys.ts';
import type { GameSession, Screen } from '../flow/session.ts';
import type { Training } from '../flow/training.ts';
import { renderDebrief } from './debrief.ts';
import { createDeskPanel, type DeskPanel } from './deskPanel.ts';
import { createDialogue, type DialogueView } from './dialogue.ts';
import { h, text } from './dom.ts';
import { type MenuActions, renderMenu } from './menu.ts';
import { loadSettings, type Settings, saveSettings } from './settings.ts';
import { createSettingsPanel } from './settingsPanel.ts';

/** localStorage, or undefined where the browser refuses it (some private modes throw on access). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export interface Overlay {
  /** Resolves once a menu is on screen (startup waits for it before booting Phaser). */
  menuShown: Promise<void>;
  dispose(): void;
}

export function mountOverlay(
  root: HTMLElement,
  session: GameSession,
  training: Training,
  audio?: AudioOutput,
  /** The canvas's parent: during a scenario it is fitted to the stage's place in the layout. */
  stage?: HTMLElement,
): Overlay {
  let menuShown: () => void = () => {};
  const firstMenu = new Promise<void>((resolve) => {
    menuShown = resolve;
  });
  const main = h('main', { class: 'overlay', id: 'overlay' });
  const status = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  root.append(main, status);
  let dialogue: DialogueView | undefined;
  let desk: DeskPanel | undefined;
  let disposeScreen: (() => void) | undefined;
  let screen: Screen = session.screen;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The screen a notice was given on: it goes when the trainee moves on from it. */
  let noticeScreen: Screen | undefined;
  const hideNotice = (): void => {
    clearTimeout(noticeTimer);
    status.className = 'notice';
    noticeScreen = undefined;
  };
  const notify = (message: string, tone: 'info' | 'error'): void => {
    status.textContent = message;
    status.className = `notice show ${tone}`;
    noticeScreen = screen;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(hideNotice, 5000);
  };
  const loaded = loadSettings(storage());
  let settings = loaded.settings;
  if (loaded.problem) queueMicrotask(() => notify(loaded.problem ?? '', 'error'));
  const applySettings = (next: Settings): void => {
    settings = next;
    dialogue?.setShowMood(next.showMood);
    panel.update(next);
    audio?.setVolume(next.volume);
    audio?.setMuted(next.muted);
    captions.hidden = !next.captions;
    if (!saveSettings(storage(), next)) {
      notify('This browser would not save your settings; they last until you close the page.', 'error');
    }
  };
  const panel = createSettingsPanel(settings, applySettings);
  const captions = h('div', { class: 'captions', 'aria-hidden': 'true' });
  captions.hidden = !settings.captions;
  audio?.setVolume(settings.volume);
  audio?.setMuted(settings.muted);
  // Captions stay up at least two seconds (a 40 ms click would only flicker). A loop (the shop
  // floor, hold music) is captioned when it starts and stays captioned for a few seconds, not for
  // as long as it plays: a caption left up for minutes would sit over the scene for nothing. The
  // trainee's own clicks are not captioned: they made them.
  type ShownCaption = { el: HTMLElement; since: number; timer?: ReturnType<typeof setTimeout> };
  const shownCaptions = new Map<string, ShownCaption>();
  const LONGEST_CAPTION_MS = 5000;
  const offCaptions = audio?.onCaption(({ key, text: caption, active }) => {
    if (key === 'click') return;
    const shown = shownCaptions.get(key);
    if (active) {
      clearTimeout(shown?.timer);
      shown?.el.remove();
      const el = text('p', caption, { class: 'caption', 'data-sound': key });
      const entry: ShownCaption = { el, since: performance.now() };
      entry.timer = setTimeout(() => {
        el.remove();
        if (shownCaptions.get(key) === entry) shownCaptions.delete(key);
      }, LONGEST_CAPTION_MS);
      shownCaptions.set(key, entry);
      captions.append(el);
      return;
    }
    if (!shown) return;
    clearTimeout(shown.timer);
    shown.timer = setTimeout(
      () => {
        shown.el.remove();
        if (shownCaptions.get(key) === shown) shownCaptions.delete(key);
      },
      Math.max(0, 2000 - (performance.now() - shown.since)),
    );
  });
  root.append(panel.button, panel.dialog, captions);
  // Closing settings during a scenario gives Enter back to the conversation.
  panel.dialog.addEventListener('close', () => {
    if (screen.name === 'playing') dialogue?.focusPrimary();
  });

  /**
   * The scene and the words never overlap: during a scenario the overlay lays out a place for the
   * scene (stage frame), the desk console and the conversation, and the canvas is fitted to the
   * frame. Elsewhere the scene fills the window behind the panels.
   */
  let frame: HTMLElement | undefined;
  const fitStage = (): void => {
    if (!stage) return;
    const box = frame?.isConnected ? frame.getBoundingClientRect() : undefined;
    if (!box) {
      stage.removeAttribute('style');
      return;
    }
    Object.assign(stage.style, {
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      right: 'auto',
      bottom: 'auto',
      visibility: box.width > 1 && box.height > 1 ? 'visible' : 'hidden',
    });
  };
  const frameResized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(fitStage);
  window.addEventListener('resize', fitStage);

  /** Each screen may offer a place for the Settings button; elsewhere it floats top right. */
  const placeSettings = (): void => {
    const slot = main.querySelector('[data-slot="settings"]');
    if (slot) slot.append(panel.button);
    else if (panel.button.parentElement !== root) root.insertBefore(panel.button, panel.dialog);
    panel.button.classList.toggle('in-slot', Boolean(slot));
  };

  /** Puts a screen that finished loading on the page, with Settings in its place. */
  const showScreen = (element: HTMLElement): void => {
    main.replaceChildren(element);
    placeSettings();
  };

  /** Out of a run to the menu: it stays saved, and the menu offers it back. */
  const leaveRun = (): void => {
    dialogue?.flushDraft();
    session.showMenu();
    notify('Your place is saved: Carry on picks up from the same line.', 'info');
  };

  const render = (next: Screen): void => {
    if (noticeScreen && noticeScreen !== next) hideNotice();
    screen = next;
    // Sounds stop with the scene, and so do their captions (they would sit over the next screen).
    if (next.name !== 'playing') {
      for (const shown of shownCaptions.values()) clearTimeout(shown.timer);
      shownCaptions.clear();
      captions.replaceChildren();
    }
    disposeScreen?.();
    disposeScreen = undefined;
    dialogue?.dispose();
    dialogue = undefined;
    desk = undefined;
    document.body.dataset.screen = next.name;
    main.className = 'overlay';
    delete main.dataset.setting;
    if (captions.parentElement !== root) root.append(captions);
    frameResized?.disconnect();
    frame = undefined;
    switch (next.name) {
      case 'loading':
        main.replaceChildren();
        break;
      case 'menu':
        renderMenuScreen(next);
        break;
      case 'playing':
        dialogue = createDialogue({
          title: next.entry.metadata.title,
          mode: next.mode,
          earlier: next.earlier,
          earlierChoices: next.earlierChoices,
          showMood: settings.showMood,
          onShowMood: (showMood) => applySettings({ ...settings, showMood }),
          onContinue: () => session.advance(),
          onChoose: (i) => session.choose(i),
          onPickUp: () => session.pickUp(),
          onNotes: (facts, notes) => session.writeNotes(facts, notes),
          onNotesDraft: (facts, notes) => session.draftNotes(facts, notes),
          onLeave: () => leaveRun(),
        });
        desk =
          next.entry.metadata.setting === 'desk'
            ? createDeskPanel(next.entry, (i) => session.choose(i))
            : undefined;
        frame = h('div', { class: 'stage-frame' });
        main.className = 'overlay play-layout';
        main.dataset.setting = desk ? 'desk' : 'floor';
        // Captions sit in the scene's place, under the picture: never over the words or controls.
        main.replaceChildren(
          h('div', { class: 'stage-slot', 'aria-hidden': 'true' }, frame, captions),
          ...(desk ? [desk.element] : []),
          dialogue.element,
        );
        frameResized?.observe(frame);
        break;
      case 'debrief':
        main.replaceChildren(
          renderDebrief(
            next.entry,
            next.debrief,
            {
              replay: () =>
                void (next.unfinished ? training.startAgain(next.entry.id) : training.play(next.entry.id)),
              menu: () => session.showMenu(),
              replayFrom:
                next.mode === 'practice' && !next.unfinished ? (step) => session.replayFrom(step) : undefined,
              history: () => session.showHistory(),
            },
            { previous: next.previous, verdict: next.verdict, mode: next.mode, unfinished: next.unfinished },
          ),
        );
        main.scrollTop = 0;
        break;
      case 'author': {
        // Author mode is for trainers only: its code loads when it is opened, not at startup.
        main.replaceChildren(
          text('p', 'Opening author mode…', { class: 'panel author-loading', role: 'status' }),
        );
        void import('./authorMode.ts').then(
          ({ renderAuthorMode }) => {
            if (screen !== next) return;
            const author = renderAuthorMode(next.stories, { menu: () => session.showMenu(), notify });
            disposeScreen = author.dispose;
            showScreen(author.element);
          },
          (e: unknown) =>
            notify(`Author mode could not load: ${e instanceof Error ? e.message : String(e)}`, 'error'),
        );
        break;
      }
      case 'history':
        lazyScreen(next, 'Opening your progress…', async () => {
          const [{ renderHistory }, attempts, persistence] = await Promise.all([
            import('./history.ts'),
            training.attempts(),
            training.store.persistence,
          ]);
          const profile = training.profile;
          if (!profile) {
            session.showMenu();
            return undefined;
          }
          return renderHistory({
            profile,
            attempts,
            stories: session.stories,
            onBack: () => session.showMenu(),
            onPractise: (id) => {
              training.setMode('practice');
              void training.play(id);
            },
            notify,
            storage: { durable: training.store.durable, persistence },
          });
        });
        break;
      case 'dashboard':
        lazyScreen(next, 'Opening the trainer dashboard…', async () => {
          const { renderDashboard } = await import('./dashboard.ts');
          return renderDashboard({
            stories: session.stories,
            cohortStore: training.store.cohort,
            // Imported attempts are replayed on their version to check them: reuse what is loaded
            // (the dashboard fetches it when the game has not loaded it yet).
            loadStory: async (entry) => session.storyJson(entry.id),
            onBack: () => session.showMenu(),
            notify,
          });
        });
        break;
      case 'problem': {
        const back = h('button', { type: 'button', class: 'primary' }, 'Back to menu');
        back.addEventListener('click', () => session.showMenu(), { once: true });
        main.replaceChildren(
          h(
            'section',
            { class: 'panel problem', role: 'alert' },
            text('h1', next.title),
            text('p', next.message, { class: 'problem-message' }),
            back,
          ),
        );
        back.focus();
        break;
      }
    }
    placeSettings();
    fitStage();
  };

  /** Screens whose code loads only when opened (trainer tools, charts): startup stays lean. */
  const lazyScreen = (
    next: Screen,
    waiting: string,
    build: () => Promise<{ element: HTMLElement; dispose(): void } | undefined>,
  ): void => {
    main.replaceChildren(text('p', waiting, { class: 'panel author-loading', role: 'status' }));
    build().then(
      (view) => {
        if (!view) return;
        if (screen !== next) {
          view.dispose();
          return;
        }
        disposeScreen = view.dispose;
        showScreen(view.element);
        main.scrollTop = 0;
        view.element.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
      },
      (e: unknown) => {
        notify(`This screen could not open: ${e instanceof Error ? e.message : String(e)}`, 'error');
        if (screen === next) session.showMenu();
      },
    );
  };

  const menuActions: MenuActions = {
    pickProfile: (p) => void training.select(p),
    createProfile: async (name) => {
      const made = await training.createProfile(name);
      return made.ok ? undefined : made.message;
    },
    switchTrainee: () => training.signOut(),
    renameTrainee: async (name) => {
      const renamed = await training.rename(name);
      if (!renamed.ok) return renamed.message;
      notify(`Your name is now ${renamed.profile.name}.`, 'info');
      return undefined;
    },
    setMode: (mode) => {
      training.setMode(mode);
      if (screen.name === 'menu') renderMenuScreen(screen);
    },
    play: (id) => void training.play(id),
    startAgain: (id) => void training.startAgain(id),
    resume: (id) => void training.resume(id),
    reviewChanged: (id) => void training.reviewChanged(id),
    history: () => session.showHistory(),
    dashboard: () => session.showDashboard(),
    author: () => session.openAuthorMode(),
  };
  let menuRender = 0;
  const renderMenuScreen = (next: Extract<Screen, { name: 'menu' }>): void => {
    const ticket = ++menuRender;
    const focusedId = document.activeElement?.id;
    void (async () => {
      const trainee = training.profile;
      const [profiles, last, statuses] = await Promise.all([
        trainee ? Promise.resolve([]) : training.listProfiles(),
        trainee ? Promise.resolve(undefined) : training.lastUsed(),
        training.statuses(),
      ]);
      if (ticket !== menuRender || screen !== next) return;
      const ordered = last ? [last, ...profiles.filter((p) => p.id !== last.id)] : profiles;
      const menu = renderMenu(
        {
          stories: next.stories,
          trainee,
          profiles: ordered,
          statuses,
          mode: training.mode,
          storage: {
            warning: training.store.warning,
            problems: training.store.problems.map((p) => ({ message: p.message, reason: p.reason })),
          },
        },
        menuActions,
      );
      if (!session.ready) menu.append(loading);
      showScreen(menu);
      menuShown();
      const again = focusedId ? document.getElementById(focusedId) : null;
      const first =
        again ??
        menu.querySelector<HTMLElement>('button.resume, button.profile, #new-trainee, button.scenario');
      first?.focus({ preventScroll: true });
    })().catch((e: unknown) =>
      notify(`The menu could not load your progress: ${e instanceof Error ? e.message : String(e)}`, 'error'),
    );
  };
  const offProfile = training.events.on('profile', () => {
    if (screen.name === 'menu') renderMenuScreen(screen);
    else session.showMenu();
  });
  const offChanged = training.events.on('changed', () => {
    if (screen.name === 'menu') renderMenuScreen(screen);
  });
  const offTrainingNotice = training.events.on('notice', ({ message, tone }) => notify(message, tone));

  const offScreen = session.events.on('screen', render);
  const bar = h('progress', { max: 100, value: 0, 'aria-label': 'Loading the scenes' });
  const loading = h('p', { class: 'loading-status' }, text('span', 'Getting the scenes ready '), bar);
  const offLoading = session.events.on('loading', ({ progress }) => {
    bar.value = Math.round(progress * 100);
  });
  const offReady = session.events.on('ready', () => loading.remove());
  let beats = 0;
  const offBeat = session.events.on('beat', (beat) => {
    desk?.show(beat);
    dialogue?.show(beat);
    // A counter tools can wait on (tests, the benchmark): the beat is on screen.
    document.body.dataset.beat = String(++beats);
  });
  const offChose = session.events.on('chose', ({ option }) => {
    if (screen.name === 'playing' && screen.mode === 'practice') dialogue?.coach(option);
  });
  const offNotice = session.events.on('notice', ({ message, tone }) => notify(message, tone));

  /** Carries out what a key means here (src/flow/keys.ts); true when it did something. */
  const run = (command: KeyCommand): boolean => {
    switch (command.kind) {
      case 'settings':
        panel.open();
        return true;
      case 'leave':
        if (desk?.drawerOpen) {
          desk.toggleDrawer(false);
          dialogue?.focusPrimary();
        } else leaveRun();
        return true;
      case 'answer':
        return dialogue?.pick(command.index) ?? false;
      case 'desk':
        return desk?.press(command.action) ?? false;
      case 'drawer': {
        if (!desk?.toggleDrawer()) return false;
        if (!desk.drawerOpen) dialogue?.focusPrimary();
        return true;
      }
      case 'continue':
        return dialogue?.continue() ?? false;
      case 'play':
      case 'again':
        void training.play(command.storyId);
        return true;
      case 'progress':
        session.showHistory();
        return true;
      case 'menu':
        session.showMenu();
        return true;
    }
  };
  const onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    // A held Enter may run through lines (Continue has focus) but never picks an answer: the
    // browser's own activation of a focused answer is stopped too.
    if (e.repeat && e.key === 'Enter' && target?.closest('.choices')) e.preventDefault();
    const command = commandFor(
      screen,
      { key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, repeat: e.repeat },
      {
        signedIn: Boolean(training.profile),
        // Typing goes to text fields; a focused radio button or checkbox still lets 1–9 and P work.
        typing: Boolean(
          target?.closest(
            'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable]',
          ),
        ),
        inDialog: Boolean(target?.closest('dialog')),
        onButton: Boolean(target?.closest('button')),
      },
    );
    if (command && run(command)) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  // Closing the tab or switching away: typing not yet saved is saved now.
  const onHide = (): void => {
    if (document.visibilityState === 'hidden') dialogue?.flushDraft();
  };
  const onPageHide = (): void => dialogue?.flushDraft();
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onPageHide);
  render(session.screen);

  const dispose = (): void => {
    offScreen();
    offProfile();
    offChanged();
    offTrainingNotice();
    offBeat();
    offChose();
    offNotice();
    offCaptions?.();
    panel.button.remove();
    panel.dialog.remove();
    captions.remove();
    offLoading();
    offReady();
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', fitStage);
    frameResized?.disconnect();
    dialogue?.dispose();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', onPageHide);
    main.remove();
    status.remove();
  };
  return { menuShown: firstMenu, dispose };
}
