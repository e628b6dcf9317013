/**
 * Helpers for the layout tests: the screen sizes a trainee plays on, a page per size in one shared
 * browser (console errors collected), and in-page checks that say exactly what is out of view or
 * under what.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export interface Viewport {
  /** Short name, used in messages and screenshot file names. */
  name: string;
  options: BrowserContextOptions;
}

export const DESKTOP: Viewport = { name: '1280x720', options: { viewport: { width: 1280, height: 720 } } };
export const PHONE: Viewport = {
  name: 'phone-390x844',
  options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
};

/** 1280×720, full HD, a portrait phone, and a 1280×720 window at 200% zoom (640×360 CSS px). */
export const VIEWPORTS: Viewport[] = [
  DESKTOP,
  { name: '1920x1080', options: { viewport: { width: 1920, height: 1080 } } },
  PHONE,
  { name: 'zoom200-640x360', options: { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 } },
  // The smallest phone still in use: the floor of 320 px wide.
  {
    name: 'phone-320x568',
    options: { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  },
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The checks run in the page. Plain JavaScript in a string, added as an init script: nothing here is
 * touched by the test transform, so the functions can be used from any `page.evaluate`.
 *
 * "Under another element" is judged by `elementFromPoint` with every element made hit-testable for
 * the moment of the check: captions and notices take no pointer events, but they can still be
 * painted over the words, and that must count.
 */
const PAGE_CHECKS = String.raw`
window.__layout = (() => {
  const round = (n) => Math.round(n * 10) / 10;
  const box = (r) => 'x ' + round(r.left) + '..' + round(r.right) + ', y ' + round(r.top) + '..' + round(r.bottom) + ' (' + round(r.width) + '×' + round(r.height) + ')';
  const describe = (el) => {
    if (!el) return 'nothing (outside the page)';
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList && el.classList.length) s += '.' + Array.from(el.classList).join('.');
    const t = (el.textContent || '').trim().replace(/\s+/g, ' ');
    if (t) s += ' "' + (t.length > 50 ? t.slice(0, 50) + '…' : t) + '"';
    return s + ' [' + box(el.getBoundingClientRect()) + ']';
  };
  const inside = (r, c, tol) =>
    r.left >= c.left - tol && r.top >= c.top - tol && r.right <= c.right + tol && r.bottom <= c.bottom + tol;
  const viewport = () => ({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight });
  const honestHits = (fn) => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { pointer-events: auto !important; }';
    document.head.append(style);
    try {
      return fn();
    } finally {
      style.remove();
    }
  };
  /** What covers el at (x, y), or null when el (or something inside it) is on top there. */
  const coverAt = (el, x, y) => {
    const top = document.elementFromPoint(x, y);
    return top && (top === el || el.contains(top)) ? null : (top || 'outside');
  };
  /** Captions and notices take no pointer events: any of them painted over el's box is a cover. */
  const overlays = (el, what) => {
    const r = el.getBoundingClientRect();
    const found = [];
    for (const o of document.querySelectorAll('.caption, .notice.show')) {
      if (o === el || o.contains(el) || el.contains(o) || !shown(o)) continue;
      const c = o.getBoundingClientRect();
      const w = Math.min(r.right, c.right) - Math.max(r.left, c.left);
      const h = Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top);
      if (w > 1 && h > 1) found.push(what + ' overlaps ' + describe(o) + ' by ' + round(w) + '×' + round(h) + ' px');
    }
    return found;
  };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

  /** The newest line of the conversation: in the log's visible box, in the window, under nothing. */
  const newest = () => {
    const problems = [];
    const log = document.querySelector('.log');
    if (!log) return ['there is no .log'];
    const lines = log.querySelectorAll('li.line');
    const last = lines[lines.length - 1];
    if (!last) return ['the log has no line'];
    const current = log.querySelector('li.line.current');
    if (current && current !== last) problems.push('li.line.current ' + describe(current) + ' is not the last line of the log; the last is ' + describe(last));
    const line = current || last;
    const what = 'newest line ' + describe(line);
    const lr = log.getBoundingClientRect();
    const r = line.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) problems.push(what + ' has no size');
    if (!inside(r, lr, 1))
      problems.push(what + ' is not wholly inside the log\'s visible box [' + box(lr) + '] (log scrollTop ' + round(log.scrollTop) + ' of max ' + round(log.scrollHeight - log.clientHeight) + ', line taller than log: ' + (r.height > lr.height) + ')');
    if (!inside(r, viewport(), 1)) problems.push(what + ' is not wholly inside the window (' + window.innerWidth + '×' + window.innerHeight + ')');
    // Corners inset 3 px, more where the corner is rounded, so each point is on the line itself.
    const radius = parseFloat(getComputedStyle(line).borderTopLeftRadius) || 0;
    const inset = Math.max(3, Math.ceil(radius * 0.3) + 1);
    const points = [
      ['top left', r.left + inset, r.top + inset],
      ['top right', r.right - inset, r.top + inset],
      ['bottom left', r.left + inset, r.bottom - inset],
      ['bottom right', r.right - inset, r.bottom - inset],
      ['centre', (r.left + r.right) / 2, (r.top + r.bottom) / 2],
    ];
    // And a grid over the whole line, so a caption over part of a word is caught too (reported once
    // per covering element).
    const seen = new Set();
    for (const y of [r.top + inset, (r.top + r.bottom) / 2, r.bottom - inset]) {
      for (let i = 0; i <= 8; i++) {
        const x = r.left + inset + ((r.width - 2 * inset) * i) / 8;
        points.push(['grid', x, y]);
      }
    }
    honestHits(() => {
      for (const [name, x, y] of points) {
        const cover = coverAt(line, x, y);
        if (!cover) continue;
        if (name === 'grid' && seen.has(cover)) continue;
        seen.add(cover);
        problems.push(what + ': ' + (name === 'grid' ? 'the point' : 'its ' + name + ' point') + ' (' + round(x) + ', ' + round(y) + ') is under ' + (cover === 'outside' ? 'nothing (outside the page)' : describe(cover)));
      }
    });
    problems.push(...overlays(line, what));
    return problems;
  };

  /**
   * Every element matching selector (those matching optional may be left undisplayed): scrolled
   * into view in its scrolling box, then inside the window, with a size, and on top at its centre.
   */
  const controls = (selector, optional) => {
    const problems = [];
    const found = Array.from(document.querySelectorAll(selector));
    for (const el of found) {
      if (!shown(el)) {
        if (!(optional && el.matches(optional))) problems.push(describe(el) + ' is not displayed');
        continue;
      }
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) problems.push(describe(el) + ' has no size');
      if (!inside(r, viewport(), 1)) problems.push(describe(el) + ' is not wholly inside the window (' + window.innerWidth + '×' + window.innerHeight + ') after scrolling it into view');
      const x = (r.left + r.right) / 2;
      const y = (r.top + r.bottom) / 2;
      const cover = honestHits(() => coverAt(el, x, y));
      if (cover) problems.push(describe(el) + ': its centre (' + round(x) + ', ' + round(y) + ') is under ' + (cover === 'outside' ? 'nothing (outside the page)' : describe(cover)));
      problems.push(...overlays(el, describe(el)));
    }
    return { count: found.length, problems };
  };

  return { newest, controls, describe };
})();
`;

/** A fresh context (own storage) at a viewport in the shared browser; console errors collected. */
export async function openSession(browser: Browser, viewport: Viewport): Promise<Session> {
  const context = await browser.newContext({ ...viewport.options, reducedMotion: 'reduce' });
  await context.addInitScript({ content: PAGE_CHECKS });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return { context, page, errors, close: () => context.close() };
}

interface PageChecks {
  newest(): string[];
  controls(selector: string, optional?: string): { count: number; problems: string[] };
  describe(el: Element | null): string;
}
declare global {
  interface Window {
    __layout: PageChecks;
  }
}

/** Problems with the newest line of the log (nothing may be scrolled before this check). */
export function newestLineProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__layout.newest());
}

/** Problems with the controls matching `selector`; `optional` ones may be undisplayed. */
export function controlProblems(
  page: Page,
  selector: string,
  optional?: string,
): Promise<{ count: number; problems: string[] }> {
  return page.evaluate(([s, o]) => window.__layout.controls(s as string, o), [selector, optional] as const);
}

/** Waits for the next animation frame twice: resize observers have run and the frame is laid out. */
export function settle(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export type Shown = 'choices' | 'notes' | 'pick-up' | 'continue' | 'none';

export interface PlayState {
  screen: string;
  beat: number;
  shown: Shown;
}

/** Which screen, which beat, and what the conversation offers now. */
export function playState(page: Page): Promise<PlayState> {
  return page.evaluate(() => {
    const actions = document.querySelector('.dialogue .actions');
    const shown = actions?.querySelector('.choices button.choice')
      ? 'choices'
      : actions?.querySelector('form.notes-form')
        ? 'notes'
        : actions?.querySelector('button.continue.pick-up')
          ? 'pick-up'
          : actions?.querySelector('button.continue')
            ? 'continue'
            : 'none';
    return {
      screen: document.body.dataset.screen ?? '',
      beat: Number(document.body.dataset.beat ?? 0),
      shown: shown as 'choices' | 'notes' | 'pick-up' | 'continue' | 'none',
    };
  });
}

/** Waits (bounded) until a beat newer than `after` is on screen or the scenario is over. */
export async function nextBeat(page: Page, after: number, timeout = 15_000): Promise<number> {
  await page.waitForFunction(
    (n) => Number(document.body.dataset.beat ?? 0) > n || document.body.dataset.screen !== 'playing',
    after,
    { timeout },
  );
  return Number(await page.evaluate(() => document.body.dataset.beat ?? 0));
}

/** Starts a scenario from the signed-in menu by its number key; resolves once its first line shows. */
export async function startByKey(page: Page, story: string): Promise<void> {
  await page.waitForSelector('body[data-screen="menu"] button.scenario');
  const order = await page.$$eval('button.scenario', (bs) => bs.map((b) => (b as HTMLElement).dataset.story));
  const index = order.indexOf(story);
  if (index < 0) throw new Error(`no scenario ${story} on the menu (${order.join(', ')})`);
  await page.keyboard.press(String(index + 1));
  await page.waitForSelector('body[data-screen="playing"] .log .line');
}
