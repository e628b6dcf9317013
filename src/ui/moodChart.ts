/** The customer's mood over the conversation as an SVG line chart, with the biggest moves marked. */
import { formatClock } from '../engine/clock.ts';
import type { Debrief } from '../engine/debrief.ts';
import { MOOD_MAX, MOOD_MIN } from '../engine/mood.ts';
import { h, text } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 180;
const PAD = { left: 34, right: 12, top: 12, bottom: 26 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function renderMoodChart(debrief: Debrief): HTMLElement {
  const points = debrief.mood;
  const end = Math.max(1, points[points.length - 1]?.at ?? 1);
  const x = (at: number) => PAD.left + (at / end) * (W - PAD.left - PAD.right);
  const y = (mood: number) =>
    PAD.top + ((MOOD_MAX - mood) / (MOOD_MAX - MOOD_MIN)) * (H - PAD.top - PAD.bottom);

  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'mood-chart',
    role: 'img',
    'aria-labelledby': 'mood-caption',
  });
  for (const level of [MOOD_MAX, 5, 0, -5, MOOD_MIN]) {
    chart.append(
      svg('line', {
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(level),
        y2: y(level),
        class: level === 0 ? 'axis-zero' : 'grid',
      }),
    );
    const label = svg('text', { x: PAD.left - 6, y: y(level) + 4, class: 'tick', 'text-anchor': 'end' });
    label.textContent = level > 0 ? `+${level}` : String(level);
    chart.append(label);
  }
  for (const at of [0, end / 2, end]) {
    const t = svg('text', {
      x: x(at),
      y: H - 6,
      class: 'tick',
      'text-anchor': at === 0 ? 'start' : at === end ? 'end' : 'middle',
    });
    t.textContent = formatClock(at);
    chart.append(t);
  }
  // A step line: mood holds until the moment it changes.
  let d = '';
  points.forEach((p, i) => {
    const prev = points[i - 1];
    d += i === 0 ? `M${x(p.at)},${y(p.mood)}` : `H${x(p.at)}V${y(p.mood)}`;
    if (prev && i === points.length - 1) d += `H${x(end)}`;
  });
  chart.append(svg('path', { d, class: 'mood-line' }));

  const moves = h('ol', { class: 'mood-moves' });
  debrief.moves.forEach((move, n) => {
    const p = points[move.index];
    if (!p) return;
    const marker = svg('circle', { cx: x(p.at), cy: y(p.mood), r: 7, class: move.delta > 0 ? 'up' : 'down' });
    const title = svg('title', {});
    title.textContent = `${move.delta > 0 ? '+' : ''}${move.delta}: ${p.label}`;
    marker.append(title);
    const num = svg('text', { x: x(p.at), y: y(p.mood) + 4, class: 'marker-num', 'text-anchor': 'middle' });
    num.textContent = String(n + 1);
    chart.append(marker, num);
    moves.append(
      h(
        'li',
        { class: move.delta > 0 ? 'up' : 'down' },
        text('span', `${formatClock(p.at)} · ${move.delta > 0 ? '+' : '−'}${Math.abs(move.delta)} `, {
          class: 'move-delta',
        }),
        p.label,
      ),
    );
  });

  const first = points[0]?.mood ?? 0;
  const last = points[points.length - 1]?.mood ?? 0;
  const caption = text(
    'figcaption',
    `The customer's mood from ${first} to ${last} over ${formatClock(end)}, on a scale from ${MOOD_MIN} to +${MOOD_MAX}. Numbered points mark where it moved most.`,
    { id: 'mood-caption' },
  );
  return h('figure', { class: 'mood-figure' }, chart, caption, debrief.moves.length ? moves : null);
}
