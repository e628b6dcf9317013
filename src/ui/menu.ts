/**
 * The title menu. First "Who's training?" (several people may share a training PC), then, for that
 * trainee: any run left unfinished, practice or assessment, and every scenario in stories/ with
 * whether it has been passed. Trainers reach the dashboard and author mode from here too.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { describeMarks } from '../engine/assessment.ts';
import type { Mode } from '../flow/session.ts';
import type { ScenarioStatus, Unfinished } from '../flow/training.ts';
import type { Profile } from '../storage/schema.ts';
import { h, text } from './dom.ts';

const DIFFICULTY_LABEL: Record<string, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export interface MenuModel {
  stories: readonly StoryEntry[];
  /** The trainee playing; undefined shows "Who's training?". */
  trainee?: Profile;
  /** For the picker, the last one used first. */
  profiles: readonly Profile[];
  statuses: readonly ScenarioStatus[];
  mode: Mode;
  /** Plain sentences about saving: the browser refused storage, records set aside. */
  storage: { warning?: string; problems: readonly { message: string; reason: string }[] };
}

export interface MenuActions {
  pickProfile(profile: Profile): void;
  /** Resolves to a message when the name cannot be used. */
  createProfile(name: string): Promise<string | undefined>;
  switchTrainee(): void;
  /** Resolves to a message when the name cannot be used. */
  renameTrainee(name: string): Promise<string | undefined>;
  setMode(mode: Mode): void;
  play(storyId: string): void;
  /** Abandons (keeps, marked abandoned) the scenario's unfinished runs and starts afresh. */
  startAgain(storyId: string): void;
  resume(attemptId: string): void;
  reviewChanged(attemptId: string): void;
  history(): void;
  dashboard(): void;
  author(): void;
}

export function renderMenu(model: MenuModel, actions: MenuActions): HTMLElement {
  const head = h(
    'div',
    { class: 'screen-head' },
    text('h1', 'Beyond the Script', { id: 'menu-title' }),
    // The overlay puts its Settings button here.
    h('span', { class: 'settings-slot', 'data-slot': 'settings' }),
  );
  const tagline = text(
    'p',
    'Practise the conversations the script never covers. Every choice is scored on de-escalation, ownership and resolution.',
    { class: 'tagline' },
  );
  if (!model.trainee) {
    return h(
      'section',
      { class: 'panel menu', 'aria-labelledby': 'menu-title' },
      head,
      tagline,
      storageNotice(model.storage),
      picker(model.profiles, actions),
      trainerLinks(actions),
    );
  }
  // Signed in: who and how on one side, the scenarios on the other, so every scenario shows at once.
  return h(
    'section',
    { class: 'panel menu menu-signed-in', 'aria-labelledby': 'menu-title' },
    head,
    h(
      'div',
      { class: 'menu-columns' },
      h(
        'div',
        { class: 'menu-side' },
        tagline,
        storageNotice(model.storage),
        traineeBar(model.trainee, actions),
        modeSwitch(model.mode, actions),
        text('p', 'Keys: 1–9 to pick, Tab to move, Enter to start, P for your progress, S for settings.', {
          class: 'hint',
        }),
        trainerLinks(actions),
      ),
      h(
        'div',
        { class: 'menu-main' },
        ...model.statuses.flatMap((s) => s.allUnfinished.map((run) => resumeCard(s.entry, run, actions))),
        text('h2', 'Choose a scenario', { class: 'list-heading', id: 'scenario-heading' }),
        model.stories.length
          ? scenarioList(model, actions)
          : text('p', 'No scenarios found. Add an .ink file to the stories/ folder.', { class: 'empty' }),
      ),
    ),
  );
}

function storageNotice(storage: MenuModel['storage']): HTMLElement | null {
  if (!storage.warning && !storage.problems.length) return null;
  const box = h('div', { class: 'storage-notice', role: 'alert' });
  if (storage.warning) box.append(text('p', storage.warning, { class: 'storage-warning' }));
  if (storage.problems.length) {
    const list = h('ul', { class: 'storage-problems' });
    for (const p of storage.problems.slice(0, 5)) list.append(text('li', p.message));
    if (storage.problems.length > 5) list.append(text('li', `…and ${storage.problems.length - 5} more.`));
    // For a trainer or IT: exactly what was wrong with each record.
    const details = h('details', { class: 'storage-details' }, text('summary', 'Details'));
    const reasons = h('ul', {});
    for (const p of storage.problems) reasons.append(text('li', p.reason));
    details.append(reasons);
    box.append(list, details);
  }
  return box;
}

function picker(profiles: readonly Profile[], actions: MenuActions): HTMLElement {
  const wrap = h('div', { class: 'profile-picker', role: 'group', 'aria-labelledby': 'who-title' });
  wrap.append(text('h2', "Who's training?", { id: 'who-title' }));
  if (profiles.length) {
    const list = h('ul', { class: 'profile-list' });
    profiles.forEach((p, i) => {
      const button = h(
        'button',
        { type: 'button', class: i === 0 ? 'profile primary' : 'profile', 'data-profile': p.id },
        i === 0 ? `Continue as ${p.name}` : p.name,
      );
      button.addEventListener('click', () => actions.pickProfile(p), { once: true });
      list.append(h('li', {}, button));
    });
    wrap.append(list);
  }
  const input = h('input', {
    id: 'new-trainee',
    type: 'text',
    name: 'name',
    autocomplete: 'off',
    maxlength: 80,
    required: true,
    'aria-describedby': 'new-trainee-help new-trainee-error',
  });
  const error = h('p', { id: 'new-trainee-error', class: 'field-error', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'new-trainee' },
    h('label', { for: 'new-trainee' }, profiles.length ? 'Someone new? Your name' : 'Your name'),
    h(
      'div',
      { class: 'field-row' },
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Start training'),
    ),
    text(
      'p',
      'Your attempts are kept in this browser under your name, so others using this computer keep theirs.',
      { id: 'new-trainee-help', class: 'hint' },
    ),
    error,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    void actions.createProfile(input.value).then((problem) => {
      if (problem) {
        error.textContent = problem;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    });
  });
  wrap.append(form);
  return wrap;
}

function traineeBar(trainee: Profile, actions: MenuActions): HTMLElement {
  const change = h('button', { type: 'button', class: 'link-button' }, 'Not you? Switch trainee');
  change.addEventListener('click', actions.switchTrainee, { once: true });
  const progress = h('button', { type: 'button', class: 'progress-button' }, 'Your progress');
  progress.addEventListener('click', actions.history, { once: true });
  const rename = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, 'Fix name');
  const bar = h(
    'div',
    { class: 'trainee-bar' },
    h('p', { class: 'trainee-name' }, 'Training as ', text('strong', trainee.name)),
    h('div', { class: 'trainee-actions' }, progress, rename, change),
  );
  rename.addEventListener('click', () => {
    if (bar.querySelector('form')) return;
    rename.setAttribute('aria-expanded', 'true');
    const input = h('input', {
      id: 'rename-trainee',
      type: 'text',
      value: trainee.name,
      maxlength: 80,
      autocomplete: 'off',
      'aria-describedby': 'rename-error',
    });
    const error = h('p', { id: 'rename-error', class: 'field-error', 'aria-live': 'polite' });
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'new-trainee rename' },
      h('label', { for: 'rename-trainee' }, 'Your name as it should appear to your trainer'),
      h(
        'div',
        { class: 'field-row' },
        input,
        h('button', { type: 'submit', class: 'primary' }, 'Save'),
        cancel,
      ),
      error,
    );
    const close = () => {
      form.remove();
      rename.setAttribute('aria-expanded', 'false');
      rename.focus();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void actions.renameTrainee(input.value).then((problem) => {
        if (!problem) return;
        error.textContent = problem;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      });
    });
    bar.append(form);
    input.select();
  });
  return bar;
}

function resumeCard(entry: StoryEntry, run: Unfinished, actions: MenuActions): HTMLElement {
  const when = relativeTime(run.attempt.updatedAt);
  const decisions =
    run.decisions === 0
      ? 'before your first decision'
      : `${run.decisions} ${run.decisions === 1 ? 'decision' : 'decisions'} in`;
  const mode = run.attempt.mode === 'assessment' ? 'assessment' : 'practice';
  const card = h('div', {
    class: `resume-card ${run.status}`,
    role: 'group',
    'aria-labelledby': `resume-${run.attempt.id}`,
    'data-attempt': run.attempt.id,
  });
  card.append(
    text('h2', run.status === 'resume' ? 'Carry on where you left off' : 'This scenario has changed', {
      id: `resume-${run.attempt.id}`,
    }),
  );
  const start = h('button', { type: 'button' }, 'Start again');
  start.addEventListener('click', () => actions.startAgain(entry.id), { once: true });
  if (run.status === 'resume') {
    card.append(text('p', `${entry.metadata.title}: ${mode}, ${decisions}, last played ${when}.`));
    const resume = h('button', { type: 'button', class: 'primary resume' }, 'Carry on');
    resume.addEventListener('click', () => actions.resume(run.attempt.id), { once: true });
    // An assessment has no rewinds: it carries on, or it stays open.
    const assessment = run.attempt.mode === 'assessment';
    card.append(h('div', { class: 'resume-actions' }, resume, assessment ? null : start));
    if (assessment) {
      card.append(
        text('p', 'An assessment carries on where you left it; it cannot be started again.', {
          class: 'hint',
        }),
      );
    }
  } else {
    card.append(
      text(
        'p',
        `“${entry.metadata.title}” was updated after you started it (${mode}, ${decisions}, last played ${when}), so that run cannot carry on. It is kept: look back at what you did, or start again on the new version.`,
      ),
    );
    const review = h('button', { type: 'button' }, 'See its debrief');
    review.addEventListener('click', () => actions.reviewChanged(run.attempt.id));
    start.textContent = 'Start again on the new version';
    start.classList.add('primary');
    card.append(h('div', { class: 'resume-actions' }, start, review));
  }
  return card;
}

function modeSwitch(mode: Mode, actions: MenuActions): HTMLElement {
  const fieldset = h('fieldset', { class: 'mode-switch' }, text('legend', 'Mode'));
  const options: { value: Mode; label: string; help: string }[] = [
    { value: 'practice', label: 'Practice', help: 'Coaching after every choice; replay any decision.' },
    {
      value: 'assessment',
      label: 'Assessment',
      help: 'No feedback until the end, no going back, and a pass mark on each score.',
    },
  ];
  for (const o of options) {
    const input = h('input', {
      type: 'radio',
      name: 'mode',
      value: o.value,
      id: `mode-${o.value}`,
      checked: o.value === mode,
      'aria-describedby': `mode-${o.value}-help`,
    });
    input.addEventListener('change', () => {
      if (input.checked) actions.setMode(o.value);
    });
    fieldset.append(
      h(
        'label',
        { class: 'mode-option', for: `mode-${o.value}` },
        input,
        text('span', o.label, { class: 'mode-label' }),
        text('span', o.help, { class: 'mode-help', id: `mode-${o.value}-help` }),
      ),
    );
  }
  return fieldset;
}

const STANDING: Record<ScenarioStatus['assessment'], string> = {
  passed: 'Passed',
  'not-yet': 'Not yet passed',
  'not-taken': 'Assessment not taken',
  'no-marks': 'No pass marks',
};

function scenarioList(model: MenuModel, actions: MenuActions): HTMLElement {
  const list = h('ul', { class: 'scenario-list', 'aria-labelledby': 'scenario-heading' });
  model.stories.forEach((story, i) => {
    const m = story.metadata;
    const status = model.statuses.find((s) => s.entry.id === story.id);
    const standing = status?.assessment ?? 'not-taken';
    const button = h(
      'button',
      { class: 'scenario', type: 'button', 'data-story': story.id, 'data-standing': standing },
      h(
        'span',
        { class: 'scenario-head' },
        text('span', String(i + 1), { class: 'key', 'aria-hidden': 'true' }),
        text('span', m.title, { class: 'scenario-title' }),
      ),
      text('span', m.summary, { class: 'scenario-summary' }),
      h(
        'span',
        { class: 'scenario-meta' },
        text('span', DIFFICULTY_LABEL[m.difficulty] ?? m.difficulty, {
          class: `badge badge-${m.difficulty}`,
        }),
        text('span', `about ${m.minutes} min`, { class: 'minutes' }),
        text('span', STANDING[standing], { class: `standing standing-${standing}` }),
      ),
      model.mode === 'assessment'
        ? text('span', m.pass ? `Pass marks: ${describeMarks(m.pass)}` : 'No pass marks set: scores only.', {
            class: 'pass-marks',
          })
        : null,
    );
    button.addEventListener('click', () => actions.play(story.id));
    list.append(h('li', {}, button));
  });
  return list;
}

function trainerLinks(actions: MenuActions): HTMLElement {
  const dashboard = h('button', { type: 'button', class: 'link-button' }, 'Trainer dashboard');
  dashboard.addEventListener('click', actions.dashboard, { once: true });
  const author = h('button', { type: 'button', class: 'link-button author-entry' }, 'Author mode');
  author.addEventListener('click', actions.author, { once: true });
  return h(
    'p',
    { class: 'for-trainers' },
    text('span', 'For trainers: '),
    dashboard,
    text('span', ' · '),
    author,
    text('span', ' (write and check a scenario)'),
  );
}

/** "just now", "5 minutes ago", "yesterday", "on 3 March". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const minutes = Math.round((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return `on ${then.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })}`;
}
