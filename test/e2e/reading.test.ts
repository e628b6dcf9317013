/**
 * Reading first, in the built game: the trainee can scroll back through the conversation without
 * being pulled down until a new line arrives; secondary buttons (Mood meter, Settings) give Enter
 * back to the conversation; a double click on Continue that lands on the answers does not answer.
 */
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { signIn, useBrowser } from './browser.ts';

const current = useBrowser();

const beatCount = (page: Page) => page.evaluate(() => Number(document.body.dataset.beat ?? 0));

async function nextBeat(page: Page, after: number): Promise<number> {
  await page.waitForFunction((n) => Number(document.body.dataset.beat ?? 0) > n, after);
  return beatCount(page);
}

/** Presses Enter until the answers are shown; returns the beat count. */
async function toAnswers(page: Page): Promise<number> {
  let n = await beatCount(page);
  for (let i = 0; i < 60 && (await page.locator('.choices button').count()) === 0; i++) {
    await page.keyboard.press('Enter');
    n = await nextBeat(page, n);
  }
  expect(await page.locator('.choices button').count()).toBeGreaterThan(0);
  return n;
}

/** The newest line's box against the log's visible box. */
const newestInView = (page: Page) =>
  page.evaluate(() => {
    const log = document.querySelector('.log');
    const lines = document.querySelectorAll('.log li.line');
    const newest = lines[lines.length - 1];
    if (!log || !newest) return false;
    const view = log.getBoundingClientRect();
    const box = newest.getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
  });

async function startAisle(page: Page): Promise<void> {
  await page.goto(inject('baseUrl'));
  await signIn(page);
  await page.keyboard.press('1');
  await page.waitForSelector('body[data-screen="playing"] .line');
}

it('lets the trainee scroll back without pulling them down, until a new line arrives', async () => {
  const { page } = current();
  await startAisle(page);
  await toAnswers(page);
  // Answer and read on to the second decision, where the log is long enough to scroll.
  let n = await beatCount(page);
  await page.keyboard.press('2');
  n = await nextBeat(page, n);
  await toAnswers(page);
  expect(await newestInView(page)).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('choices'))).toBe(true);

  // Scroll back to the start, as a reader would with the wheel.
  const log = page.locator('.log');
  await log.hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => (document.querySelector('.log')?.scrollTop ?? 1) === 0);
  // The panel changes size (the window is made shorter): the reader stays where they are.
  await page.setViewportSize({ width: 1280, height: 640 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.querySelector('.log')?.scrollTop)).toBe(0);
  expect(await newestInView(page)).toBe(false);

  // A new line brings the view back down to it.
  n = await beatCount(page);
  await page.keyboard.press('4');
  await nextBeat(page, n);
  expect(await newestInView(page)).toBe(true);
});

it('gives Enter back to the conversation after the Mood meter and Settings', async () => {
  const { page } = current();
  await startAisle(page);
  await page.waitForSelector('.continue');
  let n = await beatCount(page);
  // The mood meter, with the mouse: then Enter advances, again and again, and never toggles it.
  await page.click('.mood-toggle');
  expect(await page.locator('.mood-meter').isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  n = await nextBeat(page, n);
  expect(await page.locator('.mood-meter').isVisible()).toBe(true);
  // Settings, with the mouse, closed with Done: Enter advances.
  await page.click('.settings-button');
  await page.waitForSelector('dialog.settings[open]');
  await page.click('dialog.settings button.primary');
  await page.waitForFunction(() => !document.querySelector('dialog.settings[open]'));
  if ((await page.locator('.continue').count()) > 0) {
    await page.keyboard.press('Enter');
    n = await nextBeat(page, n);
  }
  // Closed with Escape this time: still the conversation's Enter, and the run is not left.
  await page.keyboard.press('s');
  await page.waitForSelector('dialog.settings[open]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.settings[open]'));
  expect(await page.evaluate(() => document.body.dataset.screen)).toBe('playing');
  expect(
    await page.evaluate(
      () =>
        document.activeElement?.matches('.continue, .choices') &&
        document.activeElement.closest('.dialogue') !== null,
    ),
  ).toBe(true);
});

it('does not take the second click of a double click as a skipped line or an answer', async () => {
  const { page } = current();
  await startAisle(page);
  // Double-click Continue through to the first decision: each double click reads one line.
  let n = await beatCount(page);
  for (let i = 0; i < 60 && (await page.locator('.choices button').count()) === 0; i++) {
    // A reader's pause: a click in a button's first 300 ms is taken as the tail of the last one.
    await page.waitForTimeout(350);
    const box = await page.locator('.continue').boundingBox();
    if (!box) throw new Error('no Continue button before the first decision');
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    const after = await nextBeat(page, n);
    // The second click had its chance: still one line on.
    await page.waitForTimeout(350);
    expect(await beatCount(page)).toBe(after);
    expect(after).toBe(n + 1);
    n = after;
  }
  // The double click that brought the answers up answered nothing.
  expect(await page.locator('.choices button').count()).toBeGreaterThan(1);
  expect(await page.locator('.log .coach').count()).toBe(0);
  // A deliberate click, once the answers have settled, answers.
  await page.locator('.choices button').first().click();
  await nextBeat(page, n);
  expect(await page.locator('.log .coach').count()).toBe(1);
});
