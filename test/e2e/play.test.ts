/**
 * The built game in headless Chromium: pick the aisle from the menu and play it to the debrief with
 * the keyboard only; the scores shown must be the engine's for that path.
 */
import { describe, expect, inject, it } from 'vitest';
import { formatDuration } from '../../src/engine/clock.ts';
import { scoreText } from '../../src/engine/wording.ts';
import { compiledJson, debriefOfPath } from '../helpers.ts';
import { type Browser, seriousViolations, signIn, useBrowser } from './browser.ts';

// One playthrough runs with every animation; the others with reduced motion, which is quicker.
const current = useBrowser((name) => !name.includes('best path'));

/** The engine's own debrief for a path through a story. */
function engineDebrief(file: string, path: number[]) {
  return debriefOfPath(compiledJson(file), path);
}

/** What the debrief on screen says, read from the page. */
async function shownDebrief(page: Browser['page']) {
  return page.evaluate(() => {
    const axes = Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.axis')].map((el) => [
        el.dataset.axis,
        Number(el.dataset.points),
      ]),
    );
    const figures = Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.figure')].map((el) => [
        el.dataset.figure,
        el.querySelector('dd')?.textContent,
      ]),
    );
    return { axes, figures };
  });
}

/** Waits until the overlay shows a beat newer than `after`. */
async function nextBeat(browser: Browser, after: number): Promise<number> {
  await browser.page.waitForFunction(
    (n) => Number(document.body.dataset.beat ?? 0) > n || document.body.dataset.screen !== 'playing',
    after,
  );
  return Number(await browser.page.evaluate(() => document.body.dataset.beat ?? 0));
}

/**
 * Plays choices with the keyboard only: a digit when choices are shown, Enter (on the focused
 * Continue button) otherwise, until the scenario ends. `atFirstChoice` runs once, with choices shown.
 */
async function playPath(
  browser: Browser,
  path: number[],
  atFirstChoice?: () => Promise<void>,
): Promise<void> {
  const { page } = current();
  let beat = Number(await page.evaluate(() => document.body.dataset.beat ?? 0));
  const choices = [...path];
  for (let guard = 0; guard < 300; guard++) {
    const screen = await page.evaluate(() => document.body.dataset.screen);
    if (screen !== 'playing') break;
    if ((await page.locator('.choices button').count()) > 0) {
      if (atFirstChoice) {
        await atFirstChoice();
        atFirstChoice = undefined;
      }
      const pick = choices.shift();
      if (pick === undefined) throw new Error('more choices offered than the path has');
      await page.keyboard.press(String(pick + 1));
    } else {
      await page.keyboard.press('Enter');
    }
    beat = await nextBeat(browser, beat);
  }
  expect(choices).toEqual([]);
}

describe('the aisle, keyboard only', () => {
  it.each([
    { name: 'best path', path: [1, 3, 0, 2, 1] },
    { name: 'curt path', path: [0, 2, 1, 0, 1] },
  ])('plays the $name to a debrief with the engine scores', async ({ path }) => {
    const { page } = current();
    await page.goto(inject('baseUrl'));
    await signIn(page);
    expect(await seriousViolations(page)).toEqual([]);

    // The first scenario button has focus; it must be the aisle.
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.story);
    expect(focused).toBe('aisle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-screen="playing"] .line');
    await playPath(current(), path, async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });
    await page.waitForSelector('body[data-screen="debrief"] .axis');
    expect(await seriousViolations(page)).toEqual([]);

    const engine = engineDebrief('stories/aisle.ink', path);
    const shown = await shownDebrief(page);
    expect(shown.axes).toEqual(engine.score);
    expect(shown.figures).toEqual({
      duration: formatDuration(engine.figures.seconds),
      decisions: String(engine.figures.decisions),
      repeats: engine.figures.repeats === 0 ? 'never' : `${engine.figures.repeats}×`,
      waited: engine.figures.waited === 0 ? 'no' : formatDuration(engine.figures.waited),
      fcr: engine.figures.firstContactResolution ? 'yes' : 'no',
      csat: `${engine.figures.satisfaction.toFixed(1)} / 5`,
    });
    const texts = await page.$$eval('.axis-score', (els) => els.map((e) => e.textContent));
    // A total below zero is said in words, not as 0%.
    expect(texts).toEqual(engine.axes.map((a) => scoreText(a.points, a.best, a.percent)));

    // Back to the menu with the keyboard.
    await page.keyboard.press('m');
    await page.waitForSelector('body[data-screen="menu"]');
  });
});

describe('replay from here', () => {
  it('plays on from a decision in the debrief and compares with the first attempt', async () => {
    const { page } = current();
    await page.goto(inject('baseUrl'));
    await signIn(page);
    await page.keyboard.press('1');
    await page.waitForSelector('body[data-screen="playing"] .line');
    const first = [0, 2, 1, 0, 1];
    await playPath(current(), first);
    await page.waitForSelector('body[data-screen="debrief"] .replay-from');
    const before = await shownDebrief(page);
    expect(before.axes).toEqual(engineDebrief('stories/aisle.ink', first).score);

    // Decision 1 again: this time walk her over.
    await page.click('.replay-from[data-step="0"]');
    await page.waitForSelector('body[data-screen="playing"] .choices button');
    expect(await page.locator('.log .line').count()).toBeGreaterThan(3);
    expect(await page.textContent('.clock')).not.toBe('0:00');
    const second = [1, 3, 0, 2, 1];
    await playPath(current(), second);
    await page.waitForSelector('body[data-screen="debrief"] .compare');
    const after = await shownDebrief(page);
    expect(after.axes).toEqual(engineDebrief('stories/aisle.ink', second).score);
    const compare = await page.$$eval('.compare', (els) => els.map((e) => e.textContent));
    const earlier = engineDebrief('stories/aisle.ink', first).axes[0];
    if (!earlier) throw new Error('no de-escalation axis');
    expect(before.axes.de).toBe(earlier.points);
    expect(compare[0]).toBe(`Earlier attempt: ${scoreText(earlier.points, earlier.best, earlier.percent)}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
