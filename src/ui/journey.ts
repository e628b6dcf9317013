/** The whole journey of a phone scenario: a timeline of calls, holds, transfers and the drop. */
import { formatClock, formatDuration } from '../engine/clock.ts';
import type { Debrief } from '../engine/debrief.ts';
import { h, text } from './dom.ts';

export function renderJourney(journey: NonNullable<Debrief['journey']>): HTMLElement {
  const { calls, summary } = journey;
  const start = calls[0]?.startedAt ?? 0;
  const end = Math.max(start + 1, ...calls.map((c) => c.endedAt));
  const pct = (t: number) => `${(((t - start) / (end - start)) * 100).toFixed(2)}%`;

  const track = h('div', { class: 'journey-track', 'aria-hidden': 'true' });
  for (const call of calls) {
    const bar = h('div', {
      class: `journey-call${call.dropped !== undefined ? ' dropped' : ''}`,
      style: `left:${pct(call.startedAt)};width:calc(${pct(call.endedAt)} - ${pct(call.startedAt)})`,
      title: `Call ${call.index + 1}, ${call.department}`,
    });
    track.append(bar);
    for (const hold of call.holds) {
      track.append(
        h('div', {
          class: `journey-hold${hold.asked ? ' asked' : ''}`,
          style: `left:${pct(hold.at)};width:calc(${pct(hold.at + hold.seconds)} - ${pct(hold.at)})`,
        }),
      );
    }
    for (const t of call.transfers)
      track.append(
        h('div', { class: `journey-transfer${t.warm ? ' warm' : ''}`, style: `left:${pct(t.at)}` }),
      );
  }

  const list = h('ol', { class: 'journey-calls' });
  for (const call of calls) {
    const holds = call.holds.length
      ? `${call.holds.length} hold${call.holds.length > 1 ? 's' : ''} (${formatDuration(call.holds.reduce((s, x) => s + x.seconds, 0))}${call.holds.some((x) => !x.asked) ? ', not all asked' : ''})`
      : 'no holds';
    const transfers = call.transfers.map((t) => `${t.warm ? 'warm' : 'cold'} transfer to ${t.to}`).join(', ');
    list.append(
      h(
        'li',
        { class: 'journey-item', 'data-call': call.index },
        h(
          'p',
          { class: 'journey-head' },
          text('span', `Call ${call.index + 1} · ${call.department}${call.rep ? ` · ${call.rep}` : ''}`, {
            class: 'journey-title',
          }),
          text('span', ` ${formatClock(call.startedAt)}, ${formatDuration(call.endedAt - call.startedAt)}`, {
            class: 'journey-time',
          }),
        ),
        text(
          'p',
          [holds, transfers, call.dropped !== undefined ? `line dropped: ${call.dropped}` : '']
            .filter(Boolean)
            .join(' · '),
          {
            class: 'journey-detail',
          },
        ),
        call.notes
          ? text(
              'p',
              `Notes left: ${call.notes.facts.length} fact${call.notes.facts.length === 1 ? '' : 's'}${call.notes.text ? ' and a comment' : ''}`,
              { class: 'journey-detail' },
            )
          : null,
        call.breaker
          ? h(
              'p',
              { class: 'breaker' },
              text('span', 'What would have broken the chain: ', { class: 'better-label' }),
              call.breaker,
            )
          : null,
      ),
    );
  }

  const row = (label: string, value: string, key: string) =>
    h('div', { class: 'figure', 'data-journey': key }, text('dt', label), text('dd', value));
  return h(
    'section',
    { class: 'journey', 'aria-labelledby': 'journey-title' },
    text('h2', 'The customer’s journey', { id: 'journey-title' }),
    h(
      'dl',
      { class: 'figures' },
      row('Customer’s time', formatDuration(summary.customerSeconds), 'time'),
      row('Calls', String(summary.calls), 'calls'),
      row('Reps', String(summary.reps.length), 'reps'),
      row('Departments', summary.departments.join(', ') || 'none', 'departments'),
      row(
        'Holds',
        summary.holds ? `${summary.holds} (${formatDuration(summary.holdSeconds)})` : 'none',
        'holds',
      ),
      row(
        'Transfers',
        summary.transfers
          ? `${summary.transfers} (${summary.warmTransfers} warm, ${summary.coldTransfers} cold)`
          : 'none',
        'transfers',
      ),
      row('Dropped lines', String(summary.disconnects), 'drops'),
    ),
    track,
    text(
      'p',
      `Timeline from the first ring (${formatClock(start)}) to the last goodbye (${formatClock(end)}): calls in blue, holds striped, transfers as ticks, a dropped call in red.`,
      { class: 'hint' },
    ),
    list,
  );
}
