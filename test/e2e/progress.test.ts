/**
 * Progress that lasts, in headless Chromium: play part of a scenario, reload, land on the same line,
 * finish, and see the attempt in the history chart; export the results, import them into the
 * trainer dashboard and see the row (twice, without counting it twice; a bad file is turned away);
 * assessment mode; and a browser that refuses storage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { type Browser, seriousViolations, signIn, useBrowser } from './browser.ts';

const current = useBrowser(true);

type Page = Browser['page'];

async function beatCount(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.body.dataset.beat ?? 0));
}

/** The line on screen, the clock and how long the log is: "the same moment" as a trainee sees it. */
async function moment(page: Page) {
  return page.evaluate(() => ({
    line: document.querySelector('.log .line.current')?.textContent ?? '',
    clock: document.querySelector('.clock')?.textContent ?? '',
    lines: document.querySelectorAll('.log .line').length,
    choices: [...document.querySelectorAll('.choices .choice-text')].map((c) => c.textContent),
  }));
}

/**
 * Keyboard only: a digit when choices are shown, Enter otherwise; stops after `decisions` choices
 * (and `extraLines` more lines), or at the end of the scenario.
 */
async function play(page: Page, path: number[], stopAfter?: { decisions: number; extraLines: number }) {
  const choices = [...path];
  let made = 0;
  let extra = 0;
  for (let guard = 0; guard < 300; guard++) {
    if ((await page.evaluate(() => document.body.dataset.screen)) !== 'playing') return;
    if (stopAfter && made === stopAfter.decisions && extra >= stopAfter.extraLines) return;
    const beat = await beatCount(page);
    if ((await page.locator('.choices button').count()) > 0) {
      const pick = choices.shift();
      if (pick === undefined) throw new Error('more choices offered than the path has');
      await page.keyboard.press(String(pick + 1));
      made++;
    } else {
      await page.keyboard.press('Enter');
      if (stopAfter && made === stopAfter.decisions) extra++;
    }
    await page.waitForFunction(
      (n) => Number(document.body.dataset.beat ?? 0) > n || document.body.dataset.screen !== 'playing',
      beat,
    );
  }
}

describe('progress that lasts', () => {
  it('resumes after a reload on the same line, then shows the attempt in the history chart', async () => {
    const { page } = current();
    await page.goto(inject('baseUrl'));
    await signIn(page, 'Sam Okafor');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('1');
    await page.waitForSelector('body[data-screen="playing"] .line');
    // Practice coaches as you go.
    await play(page, [1, 3, 0, 2, 1], { decisions: 2, extraLines: 1 });
    expect(await page.locator('.log .coach').count()).toBe(2);
    const before = await moment(page);
    expect(before.line).not.toBe('');

    await page.reload();
    await page.waitForSelector('body[data-screen="menu"] button.profile');
    // The trainee who played last is offered first; Enter continues as them.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Continue as Sam Okafor');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.resume-card button.resume');
    expect(await page.textContent('.resume-card')).toContain('2 decisions in');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('resume'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-screen="playing"] .log .line.current');
    const after = await moment(page);
    expect(after).toEqual(before);
    // The coaching on the two decisions made before the reload is back in the log.
    expect(await page.locator('.log .coach').count()).toBe(2);

    await play(page, [0, 2, 1]);
    await page.waitForSelector('body[data-screen="debrief"] .axis');
    await page.getByRole('button', { name: 'Your progress' }).click();
    await page.waitForSelector('body[data-screen="history"] canvas[data-chart="history"][data-points="1"]');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.textContent('body')).toContain('The Reason We Are Here');
  });

  it('exports results, and the trainer dashboard imports them once, turning away a bad file', async () => {
    const { page } = current();
    await page.goto(inject('baseUrl'));
    await signIn(page, 'Priya Shah');
    await page.keyboard.press('1');
    await page.waitForSelector('body[data-screen="playing"] .line');
    await play(page, [0, 2, 1, 0, 1]);
    await page.waitForSelector('body[data-screen="debrief"] .axis');
    await page.keyboard.press('m');
    await page.waitForSelector('body[data-screen="menu"] button.scenario');
    await page.keyboard.press('p');
    await page.waitForSelector('body[data-screen="history"] canvas[data-chart="history"]');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download results \(JSON\)/ }).click(),
    ]);
    const jsonPath = await json.path();
    expect(json.suggestedFilename()).toMatch(/^results-priya-shah-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(exported.trainee.name).toBe('Priya Shah');
    expect(exported.attempts).toHaveLength(1);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download results \(CSV\)/ }).click(),
    ]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csvText).toContain('Priya Shah');

    // The trainer's side of the same browser.
    await page.keyboard.press('Escape');
    await page.waitForSelector('body[data-screen="menu"]');
    await page.getByRole('button', { name: 'Trainer dashboard' }).click();
    await page.waitForSelector('body[data-screen="dashboard"] input[type="file"]');
    const input = page.getByLabel('Import results files');
    await input.setInputFiles(jsonPath);
    await page.waitForSelector(
      'body[data-screen="dashboard"] table[data-table="cohort"] tr[data-trainee]:has-text("Priya Shah")',
    );
    const rows = () =>
      page.locator('table[data-table="cohort"] tr[data-trainee]:has-text("Priya Shah")').count();
    const firstCount = await rows();
    expect(firstCount).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The same file again: nothing counted twice.
    await input.setInputFiles(jsonPath);
    await page.waitForFunction(() => /already loaded/.test(document.body.textContent ?? ''));
    expect(await rows()).toBe(firstCount);

    // A CSV by mistake: turned away with a reason, the row stays.
    await input.setInputFiles({
      name: 'results-priya.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvText),
    });
    await page.waitForFunction(() =>
      /CSV spreadsheet, not a results file/.test(document.body.textContent ?? ''),
    );
    expect(await rows()).toBe(firstCount);

    // The table exports as CSV.
    const [table] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export table \(CSV\)/ }).click(),
    ]);
    expect(readFileSync(await table.path(), 'utf8')).toContain('Priya Shah');

    // A reload keeps what the trainer imported.
    await page.reload();
    await page.waitForSelector('body[data-screen="menu"]');
    await page.getByRole('button', { name: 'Trainer dashboard' }).click();
    await page.waitForSelector(
      'body[data-screen="dashboard"] table[data-table="cohort"] tr[data-trainee]:has-text("Priya Shah")',
    );
  });

  it('assessment: no coaching on the way, a verdict at the end, and "Not yet passed" on the menu', async () => {
    const { page } = current();
    await page.goto(inject('baseUrl'));
    await signIn(page, 'Lee Chen');
    await page.getByLabel('Assessment').check();
    await page.waitForSelector('button.scenario .pass-marks');
    await page.locator('button.scenario[data-story="aisle"]').click();
    await page.waitForSelector('body[data-screen="playing"] .line');
    expect(await page.isVisible('[data-mode="assessment"]')).toBe(true);
    await play(page, [0, 2], { decisions: 2, extraLines: 0 });
    // No coaching and no mood meter on the way.
    expect(await page.locator('.log .line').count()).toBeGreaterThan(3);
    expect(await page.locator('.log .coach').count()).toBe(0);
    expect(await page.locator('.mood-meter, .mood-toggle').count()).toBe(0);
    // Escape leaves the run; the menu offers it back, still an assessment.
    await page.keyboard.press('Escape');
    await page.waitForSelector('body[data-screen="menu"] .resume-card button.resume');
    expect(await page.textContent('.resume-card')).toContain('assessment, 2 decisions in');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-screen="playing"] [data-mode="assessment"]');
    await play(page, [1, 0, 1]);
    await page.waitForSelector('body[data-screen="debrief"] [data-verdict="not-yet"]');
    expect(await page.locator('.replay-from').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('m');
    await page.waitForSelector('button.scenario[data-story="aisle"][data-standing="not-yet"]');
  });

  it('keeps working when the browser refuses storage, and says so plainly', async () => {
    const { page } = current();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined });
    });
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('body[data-screen="menu"] .storage-notice');
    expect(await page.textContent('.storage-notice')).toContain('only until you close this tab');
    await signIn(page, 'Guest');
    await page.keyboard.press('1');
    await page.waitForSelector('body[data-screen="playing"] .line');
    await play(page, [1, 3, 0, 2, 1]);
    await page.waitForSelector('body[data-screen="debrief"] .axis');
    // The attempt is there for this tab, with a plain word about downloading it before leaving.
    await page.getByRole('button', { name: 'Your progress' }).click();
    await page.waitForSelector('canvas[data-chart="history"][data-points="1"]');
    expect(await page.textContent('[data-storage-note]')).toContain('lasts only until you close this tab');
  });

  it('sets a damaged saved record aside, says so, and keeps going', async () => {
    const { page } = current();
    await page.goto(inject('baseUrl'));
    await signIn(page, 'Ana Lima');
    // Damage: a profile record another program (or a disk fault) left unreadable.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('beyond-the-script');
          req.onsuccess = () => {
            const tx = req.result.transaction('profiles', 'readwrite');
            tx.objectStore('profiles').put({ id: 'broken', schemaVersion: 2, name: 42 });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.reload();
    await page.waitForSelector('body[data-screen="menu"] .storage-notice');
    expect(await page.textContent('.storage-notice')).toContain(
      'A saved trainee profile could not be read, so it was set aside and kept; nothing was deleted.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'Ana Lima');
    // A typo in a name is fixed in place; the trainee stays signed in.
    await page.getByRole('button', { name: 'Fix name' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rename-trainee');
    await page.keyboard.type('Ana Lima Costa');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.trainee-name strong:text-is("Ana Lima Costa")');
    await page.keyboard.press('1');
    await page.waitForSelector('body[data-screen="playing"] .line');
  });

  it('a run started while the art still loads comes up in its own scene, not behind the title', async () => {
    const { page } = current();
    // Slow art: the scenario is picked before the scenes have loaded, on a first visit.
    await page.route('**/*.svg', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('body[data-screen="menu"] #new-trainee');
    await page.keyboard.type('Kim Nguyen');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-screen="menu"] button.scenario');
    await page.keyboard.press('1');
    await page.waitForSelector('body[data-screen="playing"] .line');
    await page.waitForSelector('canvas[data-scenes~="Aisle"]');
    await page.waitForTimeout(1500);
    // Only the aisle: a title scene still starting must not come up over it.
    expect(await page.getAttribute('canvas', 'data-scenes')).toBe('Aisle');
  });
});
