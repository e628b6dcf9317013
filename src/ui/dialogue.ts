/**
 * The dialogue panel: a log of the conversation so far, the current line, and either a Continue
 * button or the choices as numbered buttons.
 */
import { formatClock } from '../engine/clock.ts';
import { MOOD_MAX, MOOD_MIN } from '../engine/mood.ts';
import type { ChoiceOption, StoryLine } from '../engine/runner.ts';
import { AXES, AXIS_NAMES, type Fact } from '../engine/tags.ts';
import type { Beat, Mode } from '../flow/session.ts';
import { h, text } from './dom.ts';

export interface DialogueView {
  element: HTMLElement;
  show(beat: Beat): void;
  /** Clicks the n-th choice (0-based) if it is on screen; for the number keys. */
  pick(index: number): boolean;
  /** Clicks Continue if it is on screen; for Enter. */
  continue(): boolean;
  /** Shows or hides the mood meter (the setting changed, here or in the settings dialog). */
  setShowMood(show: boolean): void;
  /** Practice: what the choice just made earned, and why, in the conversation log. */
  coach(option: ChoiceOption): void;
  /** Keeps call notes typed in the last moment (before leaving, or when the page is hidden). */
  flushDraft(): void;
  /**
   * Puts focus back on the conversation after a secondary control (mood meter, settings): on
   * Continue, on the choice list (never on an answer), or on the notes form.
   */
  focusPrimary(): void;
  /** Stops watching the log's size. */
  dispose(): void;
}

/**
 * A pointer click this soon after a button appears is the tail of a double click meant for the
 * button before it: it must not skip a line unread, or answer.
 */
const POINTER_GUARD_MS = 300;

/**
 * Calls `act` once, on a key (e.detail is 0: Enter, or a number through pick()) at any time, or on a
 * pointer click that comes after the guard.
 */
function onDeliberateClick(button: HTMLButtonElement, act: () => void): void {
  const shownAt = performance.now();
  let done = false;
  button.addEventListener('click', (e) => {
    if (done || (e.detail > 0 && performance.now() - shownAt < POINTER_GUARD_MS)) return;
    done = true;
    act();
  });
}

const MAX_LOG = 40;

export interface DialogueOptions {
  title: string;
  mode: Mode;
  /** Lines already said (when resuming mid-conversation). */
  earlier: readonly StoryLine[];
  /** Choices among the earlier lines, for their coaching (practice). */
  earlierChoices?: readonly { after: number; option: ChoiceOption }[];
  showMood: boolean;
  onShowMood: (show: boolean) => void;
  onContinue: () => void;
  onChoose: (index: number) => void;
  onPickUp: () => void;
  onNotes: (facts: string[], text: string) => void;
  /** The notes being written changed (ticks, typing). */
  onNotesDraft: (facts: string[], text: string) => void;
  /** Back to the menu; the run is saved and offered back there. */
  onLeave: () => void;
}

/** The call notes form: tick the facts worth recording, add anything else, save. */
function notesForm(
  label: string,
  facts: readonly Fact[],
  onSave: (facts: string[], text: string) => void,
  draft: { facts: readonly string[]; text: string } | undefined,
  onDraft: (facts: string[], text: string) => void,
): { element: HTMLElement; flush: () => void } {
  const form = h('form', { class: 'notes-form', 'aria-labelledby': 'notes-title' });
  const boxes = facts.map((fact) => {
    const box = h('input', {
      type: 'checkbox',
      name: 'fact',
      value: fact.key,
      id: `fact-${fact.key}`,
      checked: draft?.facts.includes(fact.key),
    });
    form.append(h('label', { class: 'fact', for: `fact-${fact.key}` }, box, text('span', fact.text)));
    return box;
  });
  const area = h('textarea', {
    id: 'notes-text',
    rows: 3,
    maxlength: 2000,
    placeholder: 'Anything else the next rep should know',
  });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save notes');
  form.prepend(
    text('h2', `Call notes · ${label}`, { id: 'notes-title' }),
    text('p', 'The next person to pick this up will only know what you write here.', { class: 'hint' }),
    text('p', 'Space ticks a fact; Ctrl+Enter saves.', { class: 'hint keys-hint' }),
  );
  form.append(h('label', { class: 'notes-label', for: 'notes-text' }, 'Your notes'), area, save);
  if (draft) area.value = draft.text;
  // Every tick and keystroke is kept with the run (a reload must not lose half-written notes).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const picked = () => boxes.filter((b) => b.checked).map((b) => b.value);
  form.addEventListener('change', () => onDraft(picked(), area.value));
  let pending = false;
  area.addEventListener('input', () => {
    clearTimeout(timer);
    pending = true;
    timer = setTimeout(() => {
      pending = false;
      onDraft(picked(), area.value);
    }, 400);
  });
  /** Saves typing still waiting for its pause (leaving, or the page closing). */
  const flush = (): void => {
    if (!pending) return;
    clearTimeout(timer);
    pending = false;
    onDraft(picked(), area.value);
  };
  // Enter on a ticked fact would send the notes half-done (the browser submits the form): Space
  // ticks a fact, Ctrl+Enter (or the Save button) sends the notes from anywhere in the form.
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    // A held Enter from the line before must not fill the notes with blank lines or send them.
    if (e.repeat) {
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.requestSubmit();
    } else if ((e.target as HTMLElement | null)?.matches('input[type="checkbox"]')) {
      e.preventDefault();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    pending = false;
    onSave(
      boxes.filter((b) => b.checked).map((b) => b.value),
      area.value,
    );
  });
  queueMicrotask(() => (boxes[0] ?? area).focus({ preventScroll: true }));
  return { element: form, flush };
}

function moodWord(mood: number): string {
  if (mood >= 6) return 'delighted';
  if (mood >= 2) return 'warming up';
  if (mood > -2) return 'neutral';
  if (mood > -6) return 'irritated';
  return 'furious';
}

function lineItem(line: StoryLine): HTMLLIElement {
  return h(
    'li',
    { class: `line ${line.speaker ? `role-${line.role ?? 'other'}` : 'narration'}` },
    line.speaker ? text('span', line.speaker, { class: 'speaker' }) : null,
    text('span', line.text, { class: 'text' }),
  );
}

export function createDialogue(options: DialogueOptions): DialogueView {
  const { onContinue, onChoose } = options;
  const log = h('ol', { class: 'log', 'aria-label': 'Conversation so far', tabindex: 0 });
  const coachItem = (option: ChoiceOption): HTMLLIElement => {
    const earned = AXES.filter((a) => option.marks.score[a] !== 0).map(
      (a) => `${option.marks.score[a] > 0 ? '+' : '−'}${Math.abs(option.marks.score[a])} ${AXIS_NAMES[a]}`,
    );
    return h(
      'li',
      { class: 'coach' },
      text('span', 'Coach', { class: 'coach-label' }),
      text('span', earned.length ? earned.join(', ') : 'No points either way', { class: 'coach-points' }),
      option.marks.feedback ? text('span', option.marks.feedback, { class: 'coach-text' }) : null,
      option.marks.empathy
        ? text('span', 'A stock phrase: it earns less each time you use it.', { class: 'coach-text' })
        : null,
    );
  };
  const coaching = options.mode === 'practice' ? (options.earlierChoices ?? []) : [];
  options.earlier.forEach((line, i) => {
    for (const c of coaching) if (c.after === i) log.append(coachItem(c.option));
    log.append(lineItem(line));
  });
  for (const c of coaching) if (c.after >= options.earlier.length) log.append(coachItem(c.option));
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const actions = h('div', { class: 'actions' });
  const clock = text('span', '0:00', { class: 'clock' });
  const moodFill = h('span', { class: 'mood-fill' });
  const moodLabel = text('span', 'neutral', { class: 'mood-label' });
  const meter = h(
    'div',
    {
      class: 'mood-meter',
      role: 'meter',
      'aria-label': 'Customer mood',
      'aria-valuemin': MOOD_MIN,
      'aria-valuemax': MOOD_MAX,
      'aria-valuenow': 0,
      'aria-valuetext': 'neutral',
    },
    h('span', { class: 'mood-track' }, moodFill),
    moodLabel,
  );
  // The meter is feedback: assessment shows none until the end (the customer's face still shows).
  const moodAllowed = options.mode === 'practice';
  const setShowMood = (show: boolean): void => {
    meter.hidden = !show || !moodAllowed;
    toggle.setAttribute('aria-pressed', String(show));
  };
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'mood-toggle',
      'aria-pressed': String(options.showMood),
      'aria-label': 'Mood meter',
    },
    'Mood',
    text('span', ' meter', { class: 'wide-only' }),
  );
  toggle.addEventListener('click', () => {
    options.onShowMood(meter.hidden === true);
    // A secondary control keeps no keys: Enter goes on advancing the conversation.
    focusPrimary();
  });
  setShowMood(options.showMood);
  const leave = h(
    'button',
    {
      type: 'button',
      class: 'leave',
      title: 'Back to the menu. Your place is saved: Carry on picks up from this line.',
    },
    'Menu',
    text('span', 'Esc', { class: 'key key-wide', 'aria-hidden': 'true' }),
  );
  leave.addEventListener('click', options.onLeave, { once: true });
  const status = h(
    'div',
    { class: 'call-status' },
    h('span', { class: 'clock-wrap' }, text('span', 'Time ', { class: 'clock-label' }), clock),
    moodAllowed ? meter : null,
    h(
      'span',
      { class: 'status-buttons' },
      moodAllowed ? toggle : null,
      options.mode === 'assessment'
        ? text('span', 'Assessment: feedback at the end', { class: 'mode-tag', 'data-mode': 'assessment' })
        : null,
      // The overlay puts its Settings button here while the conversation is on screen.
      h('span', { class: 'settings-slot', 'data-slot': 'settings' }),
      leave,
    ),
  );
  const element = h(
    'section',
    { class: 'panel dialogue', 'aria-label': `Scenario: ${options.title}` },
    status,
    log,
    live,
    actions,
  );
  let choiceButtons: HTMLButtonElement[] = [];
  let choiceList: HTMLOListElement | undefined;
  /** Saves call notes typed but not yet kept (the form waits for a pause in typing). */
  let flushNotes: () => void = () => {};
  /** The coach's note, read out with the next line. */
  let spokenCoach = '';
  let continueButton: HTMLButtonElement | undefined;
  let notesFocus: HTMLElement | undefined;

  // Reading first: the newest line is kept in view as the panel changes size (answers appear, the
  // window turns, a caption comes and goes) until the trainee scrolls back to read; a new line
  // brings the view back down.
  let following = true;
  let expectedTop = -1;
  /** What was said since the trainee last answered: it is what the next answer answers. */
  let sinceAnswer: HTMLElement[] = [];
  /**
   * The log and the answers share the panel's height below the bar (`shared`); the answers never
   * squeeze the log out of sight. The log keeps room for the newest line whole (up to three fifths),
   * and for what was said since the last answer as far as a third allows (the rest is a scroll
   * away), never less than a fifth, as long as Continue or the first answer stays whole below it.
   */
  const sizeLog = (): void => {
    const shared = log.offsetHeight + actions.offsetHeight - 8;
    if (shared <= 0) return;
    const said = sinceAnswer.filter((el) => el.isConnected);
    const first = said[0];
    const last = said[said.length - 1];
    const since = first && last ? last.offsetTop + last.offsetHeight - first.offsetTop + 12 : 0;
    const newest = last ? last.offsetHeight + 12 : 0;
    const control = actions.querySelector<HTMLElement>('.continue, .choice, .notes-form h2');
    const keep = control ? Math.min(control.offsetHeight + 12, shared / 2) : 0;
    const context = Math.min(Math.max(shared * 0.2, Math.min(since, shared / 3)), shared - keep);
    log.style.minHeight = `${Math.round(Math.max(Math.min(newest, shared * 0.6), context, 0))}px`;
  };
  const revealNewest = (): void => {
    const newest = log.lastElementChild;
    if (!(newest instanceof HTMLElement)) return;
    const view = log.getBoundingClientRect();
    const box = newest.getBoundingClientRect();
    // A line taller than the log is read from its start; otherwise the log rests at its end.
    log.scrollTop =
      box.height > view.height ? log.scrollTop + (box.top - view.top) : log.scrollHeight - log.clientHeight;
    expectedTop = log.scrollTop;
  };
  log.addEventListener('scroll', () => {
    if (Math.abs(log.scrollTop - expectedTop) <= 2) return;
    // The trainee scrolled: follow again only once they are back at the end.
    following = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    expectedTop = log.scrollTop;
  });
  const resized =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          if (entries.some((e) => e.target === element)) sizeLog();
          if (following) revealNewest();
        });
  resized?.observe(log);
  resized?.observe(element);

  const focusPrimary = (): void => {
    const target = continueButton?.isConnected
      ? continueButton
      : choiceList?.isConnected
        ? choiceList
        : notesFocus?.isConnected
          ? notesFocus
          : undefined;
    target?.focus({ preventScroll: true });
  };

  const showChoices = (choices: readonly ChoiceOption[]): void => {
    const list = h('ol', {
      class: 'choices',
      'aria-label': 'Your response',
      'aria-describedby': 'choices-help',
      tabindex: -1,
    });
    choices.forEach((choice, i) => {
      const button = h(
        'button',
        { type: 'button', class: 'choice', 'data-index': i },
        text('span', String(i + 1), { class: 'key', 'aria-hidden': 'true' }),
        text('span', choice.text, { class: 'choice-text' }),
      );
      onDeliberateClick(button, () => {
        sinceAnswer = [];
        onChoose(i);
      });
      choiceButtons.push(button);
      list.append(h('li', {}, button));
    });
    // Arrows move between answers; Enter picks only the one moved to.
    list.addEventListener('keydown', (e) => {
      const at = choiceButtons.indexOf(e.target as HTMLButtonElement);
      const last = choiceButtons.length - 1;
      const to =
        e.key === 'ArrowDown'
          ? at < 0
            ? 0
            : Math.min(last, at + 1)
          : e.key === 'ArrowUp'
            ? at < 0
              ? last
              : Math.max(0, at - 1)
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? last
                : undefined;
      if (to === undefined) return;
      e.preventDefault();
      choiceButtons[to]?.focus();
    });
    actions.append(
      text('p', 'Press an answer’s number, or move with the arrow keys and press Enter.', {
        class: 'sr-only',
        id: 'choices-help',
      }),
      list,
    );
    choiceList = list;
    // Focus goes to the list, not to an answer: the Enter that was advancing the lines lands on
    // nothing, and a held Enter cannot answer.
    list.focus({ preventScroll: true });
  };

  const show = (beat: Beat): void => {
    const { line, next } = beat;
    for (const old of log.querySelectorAll('.current')) old.classList.remove('current');
    if (beat.replayed && log.lastElementChild?.classList.contains('fresh')) log.lastElementChild.remove();
    // A ringing phone: the caller is heard only once the trainee picks up.
    const item = beat.ringing ? undefined : lineItem(line);
    if (item) {
      item.classList.add('current', 'fresh');
      log.append(item);
      sinceAnswer.push(item);
    }
    clock.textContent = formatClock(beat.call.seconds);
    const mood = beat.call.mood;
    moodFill.style.width = `${((mood - MOOD_MIN) / (MOOD_MAX - MOOD_MIN)) * 100}%`;
    moodFill.dataset.tone = mood <= -2 ? 'bad' : mood >= 2 ? 'good' : 'even';
    moodLabel.textContent = moodWord(mood);
    meter.setAttribute('aria-valuenow', String(mood));
    meter.setAttribute('aria-valuetext', `${moodWord(mood)} (${mood})`);
    while (log.childElementCount > MAX_LOG) log.firstElementChild?.remove();
    live.textContent =
      spokenCoach +
      (beat.ringing
        ? `Incoming call: ${line.marks.call ?? ''}`
        : line.speaker
          ? `${line.speaker}: ${line.text}`
          : line.text);
    spokenCoach = '';

    flushNotes();
    flushNotes = () => {};
    actions.replaceChildren();
    choiceButtons = [];
    choiceList = undefined;
    continueButton = undefined;
    notesFocus = undefined;
    if (beat.ringing) {
      continueButton = h(
        'button',
        { type: 'button', class: 'continue pick-up' },
        `Pick up · ${line.marks.call ?? 'incoming call'}`,
        text('span', 'Enter', { class: 'key key-wide', 'aria-hidden': 'true' }),
      );
      onDeliberateClick(continueButton, options.onPickUp);
      actions.append(continueButton);
      continueButton.focus({ preventScroll: true });
    } else if (next.kind === 'notes') {
      const notes = notesForm(next.label, next.facts, options.onNotes, next.draft, options.onNotesDraft);
      flushNotes = notes.flush;
      notesFocus = notes.element.querySelector<HTMLElement>('input, textarea') ?? undefined;
      actions.append(notes.element);
    } else if (next.kind === 'choices') {
      showChoices(next.choices);
    } else {
      const label =
        next.kind === 'end' ? 'See how you did' : line.marks.hold ? 'Take them off hold' : 'Continue';
      continueButton = h(
        'button',
        { type: 'button', class: 'continue' },
        label,
        text('span', 'Enter', { class: 'key key-wide', 'aria-hidden': 'true' }),
      );
      onDeliberateClick(continueButton, onContinue);
      actions.append(continueButton);
      continueButton.focus({ preventScroll: true });
    }
    // Now that the answers (or Continue) have taken their space, bring the newest line into view.
    following = true;
    sizeLog();
    revealNewest();
  };

  const coach = (option: ChoiceOption): void => {
    const item = coachItem(option);
    log.append(item);
    sinceAnswer.push(item);
    spokenCoach = `${[...item.children].map((c) => c.textContent).join(': ')}. `;
  };

  return {
    element,
    show,
    setShowMood,
    coach,
    focusPrimary,
    flushDraft: () => flushNotes(),
    dispose: () => resized?.disconnect(),
    pick(index) {
      const button = choiceButtons[index];
      if (!button?.isConnected) return false;
      button.click();
      return true;
    },
    continue() {
      if (!continueButton?.isConnected) return false;
      continueButton.click();
      return true;
    },
  };
}
