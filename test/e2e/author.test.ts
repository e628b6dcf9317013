/**
 * Author mode in the built game: paste a story and see it play with its live state; paste a broken
 * one and see the error with its line (a click selects the line); junk and endless loops give
 * messages; and the game itself still works afterwards.
 */
import { expect, inject, it } from 'vitest';
import { seriousViolations, signIn, useBrowser } from './browser.ts';

const current = useBrowser();

const GOOD = `# title: Returns desk
# summary: A customer with a receipt and a broken kettle.
# setting: aisle
# difficulty: beginner
# minutes: 2
# cast: You=player, Shopper=customer
VAR mood = 0
Shopper: This kettle stopped working after a week. #react: annoyed
* [Sorry about that. Have you got the receipt? #de: +1 #own: +1 #res: +1 #mood: +2 #feedback: Owns it and moves to the fix.]
  You: Sorry about that. Have you got the receipt?
  Shopper: Here. #ending: Refunded #resolved: yes
  -> END
* [It's probably how you used it. #de: -2 #feedback: Blames the customer.]
  Shopper: Unbelievable. #ending: Walked out #resolved: no
  -> END
`;

async function compileSource(source: string): Promise<void> {
  const { page } = current();
  await page.fill('.ink-editor', source);
  const before = await page.textContent('.author-status');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    (b) => {
      const s = document.querySelector('.author-status')?.textContent ?? '';
      return s !== b && s !== 'Checking…';
    },
    before,
    { timeout: 20_000 },
  );
}

it('plays a pasted story, shows a broken one’s errors by line, and leaves the game working', async () => {
  const { page } = current();
  await page.goto(inject('baseUrl'));
  await page.waitForSelector('body[data-screen="menu"] .author-entry');
  await page.click('.author-entry');
  await page.waitForSelector('body[data-screen="author"] .ink-editor');
  expect(await seriousViolations(page)).toEqual([]);

  await compileSource(GOOD);
  expect(await page.textContent('.author-status')).toMatch(/^Compiled in \d+ ms\. Playing “Returns desk”\./);
  expect(await page.$$eval('.author-line', (els) => els.map((e) => e.textContent))).toEqual([
    'Shopper: This kettle stopped working after a week.#react: annoyed',
  ]);
  await page.click('.author-play .choices button >> nth=0');
  await page.waitForSelector('.author-end');
  expect(await page.textContent('.author-end')).toBe('The end: Refunded (resolved)');
  const panel = await page.$$eval('.author-panel dd', (els) => els.map((e) => e.textContent));
  expect(panel.slice(0, 4)).toEqual([
    '1 (best 1, worst -2)',
    '1 (best 1, worst 0)',
    '1 (best 1, worst 0)',
    '2',
  ]);
  expect(panel.some((v) => v?.includes('mood = 2'))).toBe(true);

  // A typo'd scoring mark on line 9 and a broken brace on line 14.
  const broken = GOOD.replace('#own: +1', '#ownr: +1').replace('Unbelievable.', 'Unbelievable. {oops');
  await compileSource(broken);
  const problems = await page.$$eval('.problem-item', (els) => els.map((e) => e.textContent));
  expect(
    problems.some((p) =>
      p?.startsWith('Error, line 14: Expected some kind of logic, conditional or sequence within braces'),
    ),
  ).toBe(true);
  expect(problems).toContain("Warning, line 9: unknown scoring mark 'ownr' (did you mean 'own'?)");
  await page.click('.problem-item[data-line="14"]');
  const selected = await page.evaluate(() => {
    const ed = document.querySelector<HTMLTextAreaElement>('.ink-editor');
    return ed ? ed.value.slice(ed.selectionStart, ed.selectionEnd) : '';
  });
  expect(selected).toContain('Unbelievable. {oops');
  expect(await seriousViolations(page)).toEqual([]);

  // Junk and an empty story give messages.
  await page.fill('.ink-editor', '\u0000\u0001binary');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() =>
    /binary data/.test(document.querySelector('.author-status')?.textContent ?? ''),
  );
  await page.fill('.ink-editor', '   ');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => /empty/.test(document.querySelector('.author-status')?.textContent ?? ''));

  // A story that loops forever without a choice: the worker is stopped, the page is fine.
  await page.fill('.ink-editor', 'Start\n-> loop\n=== loop ===\n~ temp x = 1\n-> loop\n');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    () => /took longer than/.test(document.querySelector('.author-status')?.textContent ?? ''),
    null,
    {
      timeout: 30_000,
    },
  );
  await compileSource(GOOD);
  expect(await page.textContent('.author-status')).toMatch(/^Compiled/);

  // And the game still works.
  await page.click('text=Back to menu');
  await signIn(page);
  await page.keyboard.press('1');
  await page.waitForSelector('body[data-screen="playing"] .line');
});
