/**
 * Headless Debian Chromium through playwright-core: never a downloaded browser, always a fresh
 * profile, and every console error collected so a test can fail on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** `reducedMotion` makes the game skip its animations: the same logic, far fewer software-GL frames. */
export async function openBrowser(options: { reducedMotion?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'bts-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 720 },
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page; returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Opens a fresh browser before each test of the file and closes it after, failing the test on any
 * console error. Returns a getter for the current one. `reducedMotion` may depend on the test.
 */
export function useBrowser(reducedMotion: boolean | ((testName: string) => boolean) = true): () => Browser {
  let current: Browser | undefined;
  beforeEach(async (context) => {
    const reduce = typeof reducedMotion === 'function' ? reducedMotion(context.task.name) : reducedMotion;
    current = await openBrowser({ reducedMotion: reduce });
  });
  afterEach(async () => {
    const errors = [...(current?.errors ?? [])];
    await current?.close();
    current = undefined;
    expect(errors).toEqual([]);
  });
  return () => {
    if (!current) throw new Error('no browser: useBrowser() serves tests only');
    return current;
  };
}

/**
 * Signs in on the menu's "Who's training?": types a new trainee's name (the name field has focus on
 * a first visit), or picks the trainee when they already exist. Resolves on the scenario list.
 */
export async function signIn(page: Page, name = 'Sam Okafor'): Promise<void> {
  await page.waitForSelector('body[data-screen="menu"] :is(#new-trainee, button.profile, button.scenario)');
  if (await page.$('body[data-screen="menu"] button.scenario')) return;
  const existing = await page.$(
    `button.profile:text-is("${name}"), button.profile:text-is("Continue as ${name}")`,
  );
  if (existing) await existing.click();
  else {
    await page.waitForFunction(() => document.activeElement?.id === 'new-trainee');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('body[data-screen="menu"] button.scenario');
}
