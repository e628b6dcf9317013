/**
 * One call at the desk with the keyboard only: pick up, put the caller on hold with H, take her off
 * hold, transfer with T, write the call notes, and see them in the CRM when the next call rings.
 */
import { expect, inject, it } from 'vitest';
import { seriousViolations, signIn, useBrowser } from './browser.ts';

const current = useBrowser();

/** A check that an element matching `selector` is on the page. */
const has = (selector: string) => () =>
  current()
    .page.locator(selector)
    .count()
    .then((c) => c > 0);

async function beat(after: number): Promise<number> {
  await current().page.waitForFunction((n) => Number(document.body.dataset.beat ?? 0) > n, after);
  return Number(await current().page.evaluate(() => document.body.dataset.beat ?? 0));
}

/** Presses Enter (on the focused Continue) until `ready` holds; returns the beat count. */
async function continueUntil(ready: () => Promise<boolean>, from: number): Promise<number> {
  let n = from;
  for (let i = 0; i < 60 && !(await ready()); i++) {
    await current().page.keyboard.press('Enter');
    n = await beat(n);
  }
  expect(await ready()).toBe(true);
  return n;
}

it('plays a call at the desk with the keyboard, with a hold and a transfer', async () => {
  const { page } = current();
  await page.goto(inject('baseUrl'));
  await signIn(page);
  // Settings open with S and take the mouse: switch the mood meter on.
  await page.keyboard.press('s');
  await page.click('#set-mood');
  await page.click('dialog.settings button.primary');
  expect(await page.locator('dialog.settings[open]').count()).toBe(0);
  const order = await page.$$eval('button.scenario', (bs) => bs.map((b) => (b as HTMLElement).dataset.story));
  await page.keyboard.press(String(order.indexOf('plan-change') + 1));

  // The shift starts; then the phone rings, and Enter picks up.
  await page.waitForSelector('body[data-screen="playing"] .line');
  let n = Number(await page.evaluate(() => document.body.dataset.beat ?? 0));
  n = await continueUntil(has('.pick-up'), n);
  expect(await page.textContent('.line-state')).toContain('Incoming call');
  expect(await page.locator('.control[data-action="hold"]').isDisabled()).toBe(true);
  await page.keyboard.press('Enter');
  n = await beat(n);
  expect(await page.textContent('.line-state')).toContain('On the line');
  expect(await page.isVisible('.mood-meter')).toBe(true);

  // Hold, from the desk control.
  const holdReady = () =>
    page
      .locator('.control[data-action="hold"]:not([disabled])')
      .count()
      .then((c) => c > 0);
  n = await continueUntil(holdReady, n);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('h');
  n = await beat(n);
  n = await continueUntil(
    () =>
      page
        .locator('.line-state[data-state="hold"]')
        .count()
        .then((c) => c > 0),
    n,
  );
  expect(await page.locator('.caption[data-sound="hold-music"]').count()).toBe(1);
  expect(await page.textContent('.continue')).toContain('Take them off hold');

  // Transfer, from the desk control.
  const transferReady = () =>
    page
      .locator('.control[data-action="transfer"]:not([disabled])')
      .count()
      .then((c) => c > 0);
  n = await continueUntil(transferReady, n);
  await page.keyboard.press('t');
  n = await beat(n);
  n = await continueUntil(
    () =>
      page
        .locator('.notes-form')
        .count()
        .then((c) => c > 0),
    n,
  );

  // Notes: tick the first fact with Space; Enter there does not send them half-done; Ctrl+Enter saves.
  expect(await seriousViolations(page)).toEqual([]);
  const fact = await page.textContent('.fact span');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  expect(await page.locator('.notes-form').count()).toBe(1);
  await page.keyboard.press('Control+Enter');
  n = await beat(n);

  // On to the next call: the note is in the CRM for whoever picks up.
  n = await continueUntil(
    () =>
      page
        .locator('.pick-up')
        .count()
        .then((c) => c > 0),
    n,
  );
  const notes = await page.$$eval('.crm-text', (els) => els.map((e) => e.textContent));
  expect(notes.some((t) => t?.includes(fact ?? '???'))).toBe(true);
  expect(await page.textContent('.you-are')).toContain('Technical Support');
  expect(await seriousViolations(page)).toEqual([]);
});
