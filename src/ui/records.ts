/**
 * What the progress screen and the trainer dashboard share: axis colours, number and date formats,
 * and file downloads. (Each screen loads the charts module itself, with `import()`.)
 */
import type { Axis } from '../engine/tags.ts';

/** Axis colours, readable on the dark panel; the same in every chart and key. */
export const AXIS_COLORS: Record<Axis, string> = {
  de: '#8fd3ff',
  own: '#f2b441',
  res: '#7bd389',
};

export const pct = (n: number): string => `${Math.round(n)}%`;

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
