/**
 * "You always see what the customer just said": at every decision, on four screen sizes, the newest
 * line is in view and under nothing, and every control a trainee needs is on screen and on top.
 * Then: a held Enter never answers, and both scenarios play to their debriefs by touch on a phone.
 *
 * One browser for the file, a fresh context (own storage) per test. Screenshots of every decision go
 * to test-results/layout/ and are kept.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';
import { signIn } from './browser.ts';
import {
  controlProblems,
  DESKTOP,
  newestLineProblems,
  nextBeat,
  openSession,
  PHONE,
  playState,
  type Session,
  settle,
  startByKey,
  VIEWPORTS,
  type Viewport,
} from './viewports.ts';

const SHOTS = join('test-results', 'layout');

interface Scenario {
  id: string;
  /** Answers (0-based) in order; past its end, the first answer. */
  path: number[];
  decisions?: number;
}

/** The aisle, always the first answer. */
const AISLE: Scenario = { id: 'aisle', path: [] };
/** Plan-change through a cold transfer: two ringing phones, a notes form, four decisions. */
const PLAN_CHANGE: Scenario = { id: 'plan-change', path: [0, 3, 0, 0], decisions: 4 };
const SCENARIOS = [AISLE, PLAN_CHANGE];

/** Controls the trainee needs during a conversation (the drawer toggle shows on small screens only). */
const DESK_AND_STATUS = '.call-status button, .desk-bar button, button.drawer-toggle';
const OPTIONAL = 'button.drawer-toggle';

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Runs `body` in a fresh context at `viewport`; fails on any console or page error. */
async function withSession(viewport: Viewport, body: (s: Session) => Promise<void>): Promise<void> {
  const session = await openSession(browser, viewport);
  try {
    await session.page.goto(inject('baseUrl'));
    await signIn(session.page);
    await body(session);
  } catch (e) {
    // Keep the first failure, with any console errors seen before it.
    await session.close();
    if (session.errors.length && e instanceof Error) e.message += `\nconsole: ${session.errors.join('\n')}`;
    throw e;
  }
  const errors = [...session.errors];
  await session.close();
  expect(errors).toEqual([]);
}

const label = (where: string, problems: string[]): string[] => problems.map((p) => `${where}: ${p}`);

/**
 * The checks of one moment: the newest line first (nothing scrolled yet), then a screenshot, then
 * each control scrolled into view and checked. `required` must match at least one control.
 */
async function checkMoment(
  page: Page,
  where: string,
  shot: string,
  required: string,
  problems: string[],
): Promise<void> {
  await settle(page);
  problems.push(...label(where, await newestLineProblems(page)));
  await page.screenshot({ path: join(SHOTS, `${shot}.png`) });
  const needed = await controlProblems(page, required);
  if (needed.count === 0) problems.push(`${where}: no element matches ${required}`);
  problems.push(...label(where, needed.problems));
  problems.push(...label(where, (await controlProblems(page, DESK_AND_STATUS, OPTIONAL)).problems));
}

/** Whether the desk's "Caller & notes" drawer button is on screen (small screens only). */
function drawerShown(page: Page): Promise<boolean> {
  return page.locator('button.drawer-toggle').isVisible();
}

/**
 * Opens the desk drawer with `toggle`, checks the CRM notes are on screen and on top (and the button
 * that closes it), takes a screenshot, and closes it again with `toggle`.
 */
async function checkDrawer(
  page: Page,
  where: string,
  problems: string[],
  toggle: () => Promise<void>,
  shot?: string,
): Promise<void> {
  await toggle();
  await page.waitForSelector('#desk-details .crm-notes', { state: 'visible', timeout: 5_000 });
  expect(await page.getAttribute('button.drawer-toggle', 'aria-expanded')).toBe('true');
  await settle(page);
  if (shot) await page.screenshot({ path: join(SHOTS, `${shot}.png`) });
  expect(await page.locator('.crm-notes .crm-note').count()).toBeGreaterThan(0);
  problems.push(...label(where, (await controlProblems(page, '.crm-notes')).problems));
  problems.push(
    ...label(`${where}, drawer open`, (await controlProblems(page, 'button.drawer-toggle')).problems),
  );
  await toggle();
  await page.waitForSelector('#desk-details', { state: 'hidden', timeout: 5_000 });
  expect(await page.getAttribute('button.drawer-toggle', 'aria-expanded')).toBe('false');
}

/** Plays a scenario to its debrief with the keyboard, checking every decision, notes form and ring. */
async function playChecked(page: Page, viewport: Viewport, scenario: Scenario, problems: string[]) {
  await startByKey(page, scenario.id);
  const path = [...scenario.path];
  let decision = 0;
  let notes = 0;
  let ring = 0;
  let beat = (await playState(page)).beat;
  for (let guard = 0; guard < 300; guard++) {
    const state = await playState(page);
    if (state.screen !== 'playing') break;
    const prefix = `${viewport.name} ${scenario.id}`;
    if (state.shown === 'choices') {
      decision++;
      await checkMoment(
        page,
        `${prefix} decision ${decision}`,
        `${viewport.name}-${scenario.id}-d${decision}`,
        '.choices button.choice',
        problems,
      );
      if (decision === 1 && (await drawerShown(page))) {
        await checkDrawer(
          page,
          `${prefix} decision ${decision}, drawer opened with C`,
          problems,
          () => page.keyboard.press('c'),
          `${viewport.name}-${scenario.id}-drawer-d${decision}`,
        );
      }
      await page.keyboard.press(String((path.shift() ?? 0) + 1));
    } else if (state.shown === 'notes') {
      notes++;
      await checkMoment(
        page,
        `${prefix} notes form ${notes} (after decision ${decision})`,
        `${viewport.name}-${scenario.id}-notes${notes}`,
        '.notes-form button[type="submit"], .notes-form input[type="checkbox"]',
        problems,
      );
      // Focus is still on the first fact: tick it, and save with Ctrl+Enter.
      await page.focus('.notes-form input[type="checkbox"]');
      await page.keyboard.press('Space');
      await page.keyboard.press('Control+Enter');
    } else if (state.shown === 'pick-up') {
      ring++;
      await checkMoment(
        page,
        `${prefix} ringing phone ${ring} (after decision ${decision})`,
        `${viewport.name}-${scenario.id}-ring${ring}`,
        'button.continue.pick-up',
        problems,
      );
      await page.keyboard.press('Enter');
    } else if (state.shown === 'continue') {
      await page.keyboard.press('Enter');
    } else {
      throw new Error(`${prefix}: nothing to do after decision ${decision} (beat ${state.beat})`);
    }
    beat = await nextBeat(page, beat);
  }
  await page.waitForSelector('body[data-screen="debrief"] .axis');
  if (scenario.decisions !== undefined) expect(decision).toBe(scenario.decisions);
  expect(path).toEqual([]);
  if (scenario.id === 'plan-change') {
    expect(notes).toBeGreaterThan(0);
    expect(ring).toBeGreaterThan(0);
  }
  return { decisions: decision, notes, rings: ring };
}

describe('the newest line and every control are in view at every decision', () => {
  it.each(VIEWPORTS)('at $name, both scenarios, keyboard only', async (viewport) => {
    const problems: string[] = [];
    await withSession(viewport, async ({ page }) => {
      for (const scenario of SCENARIOS) {
        await playChecked(page, viewport, scenario, problems);
        await page.keyboard.press('m');
        await page.waitForSelector('body[data-screen="menu"] button.scenario');
      }
    });
    expect(problems).toEqual([]);
  });
});

interface Snapshot {
  screen: string;
  beat: number;
  shown: string;
  choices: string[];
  lines: number;
  coaching: number;
  checked: boolean[];
  notes: string | null;
  focus: string;
}

/** What an Enter could change: the screen, the beat, the answers, the log, the notes form, focus. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      screen: document.body.dataset.screen ?? '',
      beat: Number(document.body.dataset.beat ?? 0),
      shown: document.querySelector('.actions .choices')
        ? 'choices'
        : document.querySelector('.actions form.notes-form')
          ? 'notes'
          : 'other',
      choices: [...document.querySelectorAll('.choices button.choice')].map((b) => b.textContent ?? ''),
      lines: document.querySelectorAll('.log li.line').length,
      coaching: document.querySelectorAll('.log li.coach').length,
      checked: [...document.querySelectorAll<HTMLInputElement>('.notes-form input[type="checkbox"]')].map(
        (b) => b.checked,
      ),
      notes: document.querySelector<HTMLTextAreaElement>('.notes-form textarea')?.value ?? null,
      focus: active ? `${active.tagName.toLowerCase()}.${[...active.classList].join('.')}` : 'none',
    };
  });
}

describe('a held Enter never answers', () => {
  it.each(SCENARIOS)(
    '$id at 1280x720: Enter held through every line, the answers and the notes',
    async (scenario) => {
      const problems: string[] = [];
      await withSession(DESKTOP, async ({ page }) => {
        const kb = page.keyboard;
        /** Auto-repeat: keyboard.down on a key already down sends a keydown with repeat: true. */
        const repeat = async (n: number) => {
          for (let i = 0; i < n; i++) {
            await kb.down('Enter');
            await page.waitForTimeout(30);
          }
        };
        /** Holds Enter over what is on screen: repeats, a fresh press, more repeats. */
        const holdOver = async () => {
          await repeat(40);
          await kb.up('Enter');
          await kb.down('Enter');
          await repeat(10);
          await settle(page);
        };
        await startByKey(page, scenario.id);
        const path = [...scenario.path];
        let decisions = 0;
        let digits = 0;
        let notes = 0;
        let stalled = 0;
        let lastBeat = -1;
        // The press that starts the hold lands on the focused Continue.
        await kb.down('Enter');
        for (let guard = 0; guard < 3000; guard++) {
          const state = await playState(page);
          if (state.screen !== 'playing') break;
          if (state.shown === 'choices') {
            decisions++;
            const where = `1280x720 ${scenario.id} decision ${decisions}`;
            const before = await snapshot(page);
            await holdOver();
            const after = await snapshot(page);
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              problems.push(
                `${where}: holding Enter over the answers changed the screen: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
              );
            }
            if (after.shown !== 'choices') continue;
            await kb.press(String((path.shift() ?? 0) + 1));
            digits++;
            await nextBeat(page, after.beat);
          } else if (state.shown === 'notes') {
            notes++;
            const where = `1280x720 ${scenario.id} notes form ${notes}`;
            const before = await snapshot(page);
            await holdOver();
            const after = await snapshot(page);
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              problems.push(
                `${where}: holding Enter over the notes form changed it: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
              );
            }
            if (after.shown !== 'notes') continue;
            await kb.up('Enter');
            await kb.press('Control+Enter');
            await nextBeat(page, after.beat);
            // Hold Enter again, through the lines after the call.
            await kb.down('Enter');
          } else {
            // Lines (and the ringing phone): the held Enter runs through them.
            await kb.down('Enter');
            await page.waitForTimeout(30);
            if (state.beat === lastBeat) stalled++;
            else {
              stalled = 0;
              lastBeat = state.beat;
            }
            if (stalled > 100)
              throw new Error(`a held Enter stopped advancing at beat ${state.beat} (${state.shown})`);
          }
        }
        await kb.up('Enter');
        await page.waitForSelector('body[data-screen="debrief"] .axis');
        const shownDecisions = Number(await page.textContent('.figure[data-figure="decisions"] dd'));
        expect({ decisions, shownDecisions }).toEqual({ decisions: digits, shownDecisions: digits });
        if (scenario.decisions !== undefined) expect(digits).toBe(scenario.decisions);
        if (scenario.id === 'plan-change') expect(notes).toBeGreaterThan(0);
      });
      expect(problems).toEqual([]);
    },
  );
});

describe('touch on a phone', () => {
  it.each(SCENARIOS)('plays $id to its debrief by tapping only, at 390x844', async (scenario) => {
    const problems: string[] = [];
    await withSession(PHONE, async ({ page }) => {
      await page.locator(`button.scenario[data-story="${scenario.id}"]`).tap();
      await page.waitForSelector('body[data-screen="playing"] .log .line');
      const path = [...scenario.path];
      let decisions = 0;
      let notes = 0;
      let rings = 0;
      let drawerAtRing = -1;
      let beat = (await playState(page)).beat;
      let seenAt = Date.now();
      /**
       * A tap on Continue, Pick up or an answer this soon after it appeared is taken for the tail of
       * a double tap on the button before it, and ignored (300 ms): wait 350 ms from the beat.
       */
      const guardPassed = async () => {
        const wait = 350 - (Date.now() - seenAt);
        if (wait > 0) await page.waitForTimeout(wait);
      };
      for (let guard = 0; guard < 300; guard++) {
        const state = await playState(page);
        if (state.screen !== 'playing') break;
        const where = `${PHONE.name} ${scenario.id} by touch`;
        if (state.shown === 'choices') {
          decisions++;
          // The drawer, at the first decision of each call: the CRM notes on screen and on top.
          if ((await drawerShown(page)) && drawerAtRing !== rings) {
            drawerAtRing = rings;
            await checkDrawer(
              page,
              `${where} decision ${decisions}, drawer opened by a tap`,
              problems,
              () => page.locator('button.drawer-toggle').tap({ timeout: 5_000 }),
              `${PHONE.name}-${scenario.id}-touch-drawer-d${decisions}`,
            );
          }
          await guardPassed();
          await page
            .locator('.choices button.choice')
            .nth(path.shift() ?? 0)
            .tap({ timeout: 5_000 });
        } else if (state.shown === 'notes') {
          notes++;
          const box = page.locator('.notes-form input[type="checkbox"]').first();
          await box.tap({ timeout: 5_000 });
          expect(await box.isChecked()).toBe(true);
          await page.locator('.notes-form button[type="submit"]').tap({ timeout: 5_000 });
        } else if (state.shown === 'pick-up' || state.shown === 'continue') {
          if (state.shown === 'pick-up') rings++;
          await guardPassed();
          await page.locator('.actions button.continue').tap({ timeout: 5_000 });
        } else {
          throw new Error(`${where}: nothing to tap after decision ${decisions} (beat ${state.beat})`);
        }
        beat = await nextBeat(page, beat);
        seenAt = Date.now();
      }
      await page.waitForSelector('body[data-screen="debrief"] .axis');
      expect(path).toEqual([]);
      if (scenario.decisions !== undefined) expect(decisions).toBe(scenario.decisions);
      const shownDecisions = Number(await page.textContent('.figure[data-figure="decisions"] dd'));
      expect(shownDecisions).toBe(decisions);
      if (scenario.id === 'plan-change') {
        expect(notes).toBeGreaterThan(0);
        expect(drawerAtRing).toBeGreaterThan(0);
      }
    });
    expect(problems).toEqual([]);
  });
});
