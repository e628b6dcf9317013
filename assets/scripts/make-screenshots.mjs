// Usage: node assets/scripts/make-screenshots.mjs [URL]   (URL of a running game; default http://localhost:5173/)
//
// Retakes the README's screenshots of play in assets/screenshots/: the aisle and the desk at
// 1280×720, and both on a 390×844 phone (the desk with its caller-and-notes drawer open). Uses
// Debian's Chromium (CHROMIUM_PATH to override) with reduced motion, so people stand where the
// scene puts them. Your progress (progress.png) is not retaken here.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/chromium.mjs';

const url = process.argv[2] ?? 'http://localhost:5173/';
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * Plays a scenario by keyboard (answers from `path`, then the first; notes saved with Ctrl+Enter)
 * until `stop` holds at a decision, then takes the screenshot.
 */
async function shoot({ file, viewport, phone = false, scenario, path, stop, before, desk = false }) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#new-trainee');
  await page.keyboard.type('Sam Okafor');
  await page.keyboard.press('Enter');
  await page.waitForSelector('button.scenario');
  await page.locator(`button.scenario[data-story="${scenario}"]`).click();
  await page.waitForSelector('body[data-screen="playing"]');
  const picks = [...path];
  for (let decision = 0, i = 0; i < 400; i++) {
    const beat = await page.evaluate(() => Number(document.body.dataset.beat ?? 0));
    if ((await page.locator('.choices button').count()) > 0) {
      if (await stop(page, decision)) break;
      decision++;
      await page.waitForTimeout(350);
      // At the desk, the story moves on to the next call soonest by holding and transferring.
      const control = desk
        ? await page.evaluate(() =>
            ['transfer', 'hold'].find((a) =>
              document.querySelector(`.control[data-action="${a}"]:not([disabled])`),
            ),
          )
        : undefined;
      await page.keyboard.press(control ? control[0] : String((picks.shift() ?? 0) + 1));
    } else if ((await page.locator('.notes-form').count()) > 0) {
      await page.locator('.notes-form input[type="checkbox"]').first().check();
      await page.keyboard.press('Control+Enter');
    } else if (await page.evaluate(() => document.body.dataset.screen !== 'playing')) {
      throw new Error(`${file}: the scenario ended before the moment to shoot`);
    } else {
      await page.keyboard.press('Enter');
    }
    await page
      .waitForFunction((n) => Number(document.body.dataset.beat ?? 0) > n, beat, { timeout: 10_000 })
      .catch(async (e) => {
        const state = await page.evaluate(() => ({
          screen: document.body.dataset.screen,
          focus: document.activeElement?.outerHTML.slice(0, 200),
          actions: document.querySelector('.actions')?.textContent?.slice(0, 200),
        }));
        throw new Error(`${file}: stuck after beat ${beat}: ${JSON.stringify(state)}`, { cause: e });
      });
  }
  await before?.(page);
  // Let the scene settle and the fonts paint.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, file) });
  console.log(`wrote assets/screenshots/${file}`);
  await context.close();
}

const desktop = { width: 1280, height: 720 };
const phone = { width: 390, height: 844 };
const onSecondCall = (page) =>
  page
    .locator('.line-state')
    .textContent()
    .then((t) => /call 2/.test(t ?? ''));

await shoot({
  file: 'aisle.png',
  viewport: desktop,
  scenario: 'aisle',
  path: [1, 3],
  stop: async (_page, decision) => decision === 2,
});
await shoot({
  file: 'desk.png',
  viewport: desktop,
  scenario: 'plan-change',
  path: [],
  desk: true,
  stop: onSecondCall,
});
await shoot({
  file: 'phone-aisle.png',
  viewport: phone,
  phone: true,
  scenario: 'aisle',
  path: [1],
  stop: async (_page, decision) => decision === 1,
});
await shoot({
  file: 'phone-desk.png',
  viewport: phone,
  phone: true,
  scenario: 'plan-change',
  path: [],
  desk: true,
  stop: onSecondCall,
  before: (page) => page.locator('button.drawer-toggle').tap(),
});
await browser.close();
