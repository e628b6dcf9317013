/**
 * The built game in headless Chromium: pick the aisle from the menu and play it to the debrief with
 * the keyboard only; the scores shown must be the engine's for that path.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { StoryRunner } from '../../src/engine/runner.ts';
import { totals } from '../../src/engine/scoring.ts';
import { compiledJson } from '../helpers.ts';
import { type Browser, openBrowser, seriousViolations } from './browser.ts';

let browser: Browser;

beforeEach(async () => {
  browser = await openBrowser();
});

afterEach(async () => {
  const errors = [...browser.errors];
  await browser.close();
  expect(errors).toEqual([]);
});

/** The engine's own totals for a path through a story. */
function engineScore(file: string, path: number[]) {
  const runner = StoryRunner.replay(compiledJson(file), path);
  if (!runner) throw new Error('path does not fit the story');
  runner.readToChoice();
  expect(runner.state.kind).toBe('ended');
  return totals(runner.history);
}

/** Waits until the overlay shows a beat newer than `after`. */
async function nextBeat(browser: Browser, after: number): Promise<number> {
  await browser.page.waitForFunction(
    (n) => Number(document.body.dataset.beat ?? 0) > n || document.body.dataset.screen !== 'playing',
    after,
  );
  return Number(await browser.page.evaluate(() => document.body.dataset.beat ?? 0));
}

describe('the aisle, keyboard only', () => {
  it.each([
    { name: 'best path', path: [1, 3, 0, 2, 1] },
    { name: 'curt path', path: [0, 2, 1, 0, 1] },
  ])('plays the $name to a debrief with the engine scores', async ({ path }) => {
    const { page } = browser;
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('body[data-screen="menu"] button.scenario');
    expect(await seriousViolations(page)).toEqual([]);

    // The first scenario button has focus; it must be the aisle.
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.story);
    expect(focused).toBe('aisle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-screen="playing"] .line');
    let beat = Number(await page.evaluate(() => document.body.dataset.beat ?? 0));

    const choices = [...path];
    let scanned = false;
    for (let guard = 0; guard < 300; guard++) {
      const screen = await page.evaluate(() => document.body.dataset.screen);
      if (screen !== 'playing') break;
      const options = await page.locator('.choices button').count();
      if (options > 0) {
        if (!scanned) {
          expect(await seriousViolations(page)).toEqual([]);
          scanned = true;
        }
        const pick = choices.shift();
        if (pick === undefined) throw new Error('more choices offered than the path has');
        await page.keyboard.press(String(pick + 1));
      } else {
        // Continue has focus; Enter activates it.
        await page.keyboard.press('Enter');
      }
      beat = await nextBeat(browser, beat);
    }
    expect(choices).toEqual([]);
    await page.waitForSelector('body[data-screen="debrief"] .axis');
    expect(await seriousViolations(page)).toEqual([]);

    const shown = await page.$$eval('.axis', (items) =>
      Object.fromEntries(
        items.map((el) => [(el as HTMLElement).dataset.axis, Number((el as HTMLElement).dataset.points)]),
      ),
    );
    expect(shown).toEqual(engineScore('stories/aisle.ink', path));
    const texts = await page.$$eval('.axis-score', (els) => els.map((e) => e.textContent));
    expect(texts.every((t) => /^-?\d+ of \d+ possible \(\d+%\)$/.test(t ?? ''))).toBe(true);

    // Back to the menu with the keyboard.
    await page.keyboard.press('m');
    await page.waitForSelector('body[data-screen="menu"]');
  });
});
