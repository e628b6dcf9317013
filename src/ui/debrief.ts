/** The debrief: three axes with bars and coaching, the ending, and every choice with its feedback. */
import type { StoryEntry } from '../authoring/catalog.ts';
import type { Debrief } from '../engine/debrief.ts';
import { AXES, AXIS_NAMES, type Score } from '../engine/tags.ts';
import { h, text } from './dom.ts';

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

export function renderDebrief(
  entry: StoryEntry,
  debrief: Debrief,
  actions: { replay: () => void; menu: () => void },
): HTMLElement {
  const axes = h('ul', { class: 'axes' });
  for (const a of debrief.axes) {
    const label = `${a.points} of ${a.best} possible (${a.percent}%)`;
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
        text('p', a.coaching, { class: 'coaching' }),
      ),
    );
  }

  const choices = h('ol', { class: 'review' });
  for (const c of debrief.choices) {
    choices.append(
      h(
        'li',
        { class: 'review-item' },
        h(
          'p',
          { class: 'said' },
          text('span', `Decision ${c.step + 1}: `, { class: 'step' }),
          `“${c.chosen.text}”`,
        ),
        effects(c.chosen.marks.score),
        c.chosen.marks.feedback ? text('p', c.chosen.marks.feedback, { class: 'feedback' }) : null,
        c.better
          ? h(
              'p',
              { class: 'better' },
              text('span', 'A top rep would have said: ', { class: 'better-label' }),
              `“${c.better.text}”`,
            )
          : null,
      ),
    );
  }

  const replay = h('button', { type: 'button', class: 'primary' }, 'Play again', keyHint('R'));
  const menu = h('button', { type: 'button' }, 'Back to menu', keyHint('M'));
  replay.addEventListener('click', actions.replay, { once: true });
  menu.addEventListener('click', actions.menu, { once: true });

  const section = h(
    'section',
    { class: 'panel debrief', 'aria-labelledby': 'debrief-title' },
    text('h1', `How it went: ${entry.metadata.title}`, { id: 'debrief-title' }),
    h('p', { class: 'ending' }, text('span', 'Ending: ', { class: 'ending-label' }), debrief.ending),
    axes,
    text('h2', 'Your choices'),
    choices,
    h('div', { class: 'debrief-actions' }, replay, menu),
  );
  queueMicrotask(() => replay.focus({ preventScroll: true }));
  return section;
}

function keyHint(key: string): HTMLElement {
  return text('span', key, { class: 'key key-wide', 'aria-hidden': 'true' });
}
