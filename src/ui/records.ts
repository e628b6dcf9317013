/**
 * What the progress screen and the trainer dashboard share: axis colours, date formats and file
 * downloads. (Scores are worded with `resultShareText` from src/engine/wording.ts, so a total below
 * zero never reads as 0%. Each screen loads the charts module itself, with `import()`.)
 */
import type { Axis } from '../engine/tags.ts';
import { h, text } from './dom.ts';

/** Axis colours, readable on the dark panel; the same in every chart and key. */
export const AXIS_COLORS: Record<Axis, string> = {
  de: '#8fd3ff',
  own: '#f2b441',
  res: '#7bd389',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14 Mar 2025, 09:07" in the reader's locale. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/**
 * Saves `content` as a file through the browser's download: a Blob URL on a temporary link, revoked
 * once the download has started.
 */
export function downloadText(fileName: string, content: string, type: string, host: HTMLElement): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  host.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The frame both screens share: a panel with a heading (focused when the screen opens, for screen
 * readers), a line under it and a Back button. The screen appends its sections to `element`.
 */
export function recordsPanel(opts: {
  uid: string;
  screen: 'history' | 'dashboard';
  heading: string;
  sub: Node;
  onBack: () => void;
}): { element: HTMLElement; title: HTMLElement } {
  const back = h('button', { type: 'button', class: 'records-back' }, 'Back');
  back.addEventListener('click', () => opts.onBack());
  const title = text('h1', opts.heading, { id: `${opts.uid}-title`, tabindex: -1 });
  const element = h(
    'section',
    {
      class: `panel records ${opts.screen}`,
      'aria-labelledby': `${opts.uid}-title`,
      'data-screen': opts.screen,
    },
    h(
      'header',
      { class: 'records-head' },
      h('div', {}, title, opts.sub),
      h(
        'span',
        { class: 'head-buttons' },
        h('span', { class: 'settings-slot', 'data-slot': 'settings' }),
        back,
      ),
    ),
  );
  return { element, title };
}

/** "Nothing here yet", with what to do about it. */
export function emptyState(
  screen: 'history' | 'dashboard',
  heading: string,
  advice: string,
  ...more: Node[]
): HTMLElement {
  return h(
    'div',
    { class: 'records-empty', 'data-empty': screen },
    text('p', heading, { class: 'records-empty-title' }),
    text('p', advice),
    ...more,
  );
}
