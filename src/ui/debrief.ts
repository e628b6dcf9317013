/**
 * The debrief: the three axes with bars and coaching, call figures, the customer's mood over time,
 * and the whole conversation with every decision annotated; any decision can be replayed.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import type { Verdict } from '../engine/assessment.ts';
import { formatDuration } from '../engine/clock.ts';
import type { ChoiceReview, Debrief } from '../engine/debrief.ts';
import { AXES, AXIS_NAMES, type Score } from '../engine/tags.ts';
import { curlyQuotes, quoteChoice, scoreText, shareText } from '../engine/wording.ts';
import { h, text } from './dom.ts';
import { renderJourney } from './journey.ts';
import { renderMoodChart } from './moodChart.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function effects(score: Score): HTMLElement {
  const list = h('ul', { class: 'effects', 'aria-label': 'Points' });
  for (const axis of AXES) {
    const n = score[axis];
    list.append(
      text('li', `${signed(n)} ${AXIS_NAMES[axis].toLowerCase()}`, {
        class: `effect ${n > 0 ? 'up' : n < 0 ? 'down' : 'even'}`,
      }),
    );
  }
  return list;
}

export interface DebriefActions {
  replay: () => void;
  menu: () => void;
  /** Absent in assessment (no rewinds) and for a run that cannot carry on. */
  replayFrom?: (step: number) => void;
  /** The trainee's progress over time. */
  history?: () => void;
}

export interface DebriefContext {
  /** The attempt this one replayed from, for comparison. */
  previous?: Debrief;
  verdict?: Verdict;
  mode?: 'practice' | 'assessment';
  /** A run that stopped before its ending because its scenario changed. */
  unfinished?: boolean;
}

function figures(debrief: Debrief): HTMLElement {
  const f = debrief.figures;
  const row = (label: string, value: string, key: string) =>
    h('div', { class: 'figure', 'data-figure': key }, text('dt', label), text('dd', value));
  return h(
    'dl',
    { class: 'figures' },
    row('Duration', formatDuration(f.seconds), 'duration'),
    row('Decisions', String(f.decisions), 'decisions'),
    row('Had to repeat themselves', f.repeats === 0 ? 'never' : `${f.repeats}×`, 'repeats'),
    row('Kept waiting', f.waited === 0 ? 'no' : formatDuration(f.waited), 'waited'),
    row('Resolved on first contact', f.firstContactResolution ? 'yes' : 'no', 'fcr'),
    row('Estimated satisfaction', `${f.satisfaction.toFixed(1)} / 5`, 'csat'),
  );
}

function decisionCard(c: ChoiceReview, actions: DebriefActions): HTMLElement {
  const replayFrom = actions.replayFrom;
  const again = replayFrom
    ? h('button', { type: 'button', class: 'replay-from', 'data-step': c.step }, 'Replay from here')
    : null;
  again?.addEventListener('click', () => replayFrom?.(c.step), { once: true });
  return h(
    'li',
    { class: 'review-item', 'data-step': c.step },
    h(
      'p',
      { class: 'said' },
      text('span', `Decision ${c.step + 1}: `, { class: 'step' }),
      quoteChoice(c.chosen.text),
    ),
    effects(c.points),
    c.empathyUse
      ? text(
          'p',
          `Stock phrase used ${c.empathyUse === 2 ? 'twice' : `${c.empathyUse} times`}: it earns less de-escalation each time.`,
          { class: 'scripted' },
        )
      : null,
    // The author's quotes made curly, as in the choice above it (`curlyQuotes`): one style of quotes.
    c.chosen.marks.feedback ? text('p', curlyQuotes(c.chosen.marks.feedback), { class: 'feedback' }) : null,
    c.better
      ? h(
          'p',
          { class: 'better' },
          // "chosen", not "said": the better option may be an action, not words.
          text('span', 'What a top rep would have chosen: ', { class: 'better-label' }),
          quoteChoice(c.better.text),
        )
      : null,
    again,
  );
}

export function renderDebrief(
  entry: StoryEntry,
  debrief: Debrief,
  actions: DebriefActions,
  context: DebriefContext = {},
): HTMLElement {
  const { previous, verdict, unfinished } = context;
  const axes = h('ul', { class: 'axes' });
  for (const a of debrief.axes) {
    // A total below zero says so ("2 points below zero, out of 8 possible") instead of reading 0%;
    // its bar stays empty, in the weak band. data-points keeps the real (negative) number.
    const label = scoreText(a.points, a.best, a.percent);
    const before = previous?.axes.find((p) => p.axis === a.axis);
    axes.append(
      h(
        'li',
        { class: `axis band-${a.band}`, 'data-axis': a.axis, 'data-points': a.points, 'data-best': a.best },
        h(
          'div',
          { class: 'axis-head' },
          text('h3', a.name, { class: 'axis-name' }),
          text('span', label, { class: 'axis-score' }),
        ),
        h(
          'div',
          {
            class: 'bar',
            role: 'meter',
            'aria-label': a.name,
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            'aria-valuenow': a.percent,
            'aria-valuetext': label,
          },
          h('div', { class: 'bar-fill', style: `width:${a.percent}%` }),
        ),
        before
          ? text('p', `Earlier attempt: ${scoreText(before.points, before.best, before.percent)}`, {
              class: 'compare',
            })
          : null,
        text('p', a.coaching, { class: 'coaching' }),
      ),
    );
  }

  const conversation = h('ol', { class: 'transcript' });
  for (const item of debrief.transcript) {
    if (item.kind === 'choice') {
      const review = debrief.choices[item.step];
      if (review) conversation.append(decisionCard(review, actions));
    } else {
      conversation.append(
        h(
          'li',
          { class: item.speaker ? 'said-line' : 'said-line narration' },
          item.speaker ? text('span', `${item.speaker}: `, { class: 'said-speaker' }) : null,
          curlyQuotes(item.text),
        ),
      );
    }
  }

  const replay = h(
    'button',
    { type: 'button', class: 'primary' },
    unfinished ? 'Start again on the new version' : 'Play again',
    unfinished ? null : keyHint('R'),
  );
  const menu = h('button', { type: 'button' }, 'Back to menu', keyHint('M'));
  replay.addEventListener('click', actions.replay, { once: true });
  menu.addEventListener('click', actions.menu, { once: true });
  const progress = actions.history ? h('button', { type: 'button' }, 'Your progress') : null;
  if (progress && actions.history) progress.addEventListener('click', actions.history, { once: true });

  const section = h(
    'section',
    { class: 'panel debrief', 'aria-labelledby': 'debrief-title' },
    h(
      'div',
      { class: 'screen-head' },
      text('h1', `How it went: ${entry.metadata.title}`, { id: 'debrief-title' }),
      // The overlay puts its Settings button here.
      h('span', { class: 'settings-slot', 'data-slot': 'settings' }),
    ),
    h(
      'p',
      { class: 'ending' },
      text('span', 'Ending: ', { class: 'ending-label' }),
      debrief.ending,
      debrief.resolved ? ' (resolved)' : ' (not resolved)',
    ),
    unfinished
      ? text(
          'p',
          'This run stopped partway: the scenario was updated after it began. This is what you did, scored against the version you played.',
          { class: 'compare-note', role: 'note' },
        )
      : null,
    previous
      ? text(
          'p',
          'This attempt replayed an earlier one from a decision; the earlier scores are shown for comparison.',
          { class: 'compare-note' },
        )
      : null,
    verdict ? verdictBox(verdict) : null,
    context.mode === 'assessment' && !verdict
      ? text('p', 'Assessment: this scenario sets no pass marks, so there is no pass or fail.', {
          class: 'compare-note',
        })
      : null,
    axes,
    text('h2', 'The call in figures'),
    figures(debrief),
    debrief.journey ? renderJourney(debrief.journey) : null,
    text('h2', "The customer's mood"),
    renderMoodChart(debrief),
    text('h2', 'The conversation'),
    text(
      'p',
      actions.replayFrom
        ? 'Every decision with what it earned and why. Pick “Replay from here” to try another answer from that moment.'
        : 'Every decision with what it earned and why.',
      {
        class: 'hint',
      },
    ),
    conversation,
    h('div', { class: 'debrief-actions' }, replay, menu, progress),
  );
  queueMicrotask(() => replay.focus({ preventScroll: true }));
  return section;
}

function verdictBox(verdict: Verdict): HTMLElement {
  const list = h('ul', { class: 'verdict-axes' });
  for (const a of verdict.axes) {
    list.append(
      text(
        'li',
        `${a.name}: ${shareText(a.points, a.best, a.percent)} (pass mark ${a.mark}%) ${a.met ? '✓ met' : '✗ not met'}`,
        {
          class: a.met ? 'met' : 'missed',
          'data-axis': a.axis,
        },
      ),
    );
  }
  return h(
    'div',
    {
      class: `verdict ${verdict.passed ? 'passed' : 'not-yet'}`,
      role: 'status',
      'data-verdict': verdict.passed ? 'passed' : 'not-yet',
    },
    text('h2', verdict.passed ? 'Assessment passed' : 'Assessment: not yet', { class: 'verdict-title' }),
    text('p', verdict.summary),
    list,
  );
}

function keyHint(key: string): HTMLElement {
  return text('span', key, { class: 'key key-wide', 'aria-hidden': 'true' });
}
