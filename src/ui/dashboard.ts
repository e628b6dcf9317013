/**
 * The trainer dashboard: import trainees' results files (file picker or drag and drop), then see who
 * needs help with what, a trainee × scenario table (best and latest per skill, assessment status),
 * how scores spread on each skill, and export the table as CSV. The cohort is kept through
 * `cohortStore`, saved once per import batch.
 *
 * Every attempt in an imported file is replayed on the version of the scenario it was played on
 * (verify.ts): a file whose scores do not come from its own choices is refused, and attempts on a
 * version this game does not have are kept but shown as unverified, never counted as passed, and left
 * out of the distributions and "who needs help". What a replay cannot tell (the mode, so whether a
 * pass was an assessment's, and the dates) is the file's word, and the panel says so.
 *
 * Chart.js comes in with `import('./charts.ts')`; every chart has a table with the same figures.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { AXES, AXIS_NAMES } from '../engine/tags.ts';
import { resultShareText } from '../engine/wording.ts';
import {
  type Cohort,
  emptyCohort,
  MAX_RESULTS_FILE_SIZE,
  mergeCohort,
  parseResultsFile,
} from '../storage/exchange.ts';
import {
  type AxisDistribution,
  assessmentLabel,
  attemptsLabel,
  axisDistributions,
  type CohortRow,
  cohortTable,
  cohortTableCsv,
  countRuns,
  DEFAULT_PASS_MARK,
  finishedText,
  type HelpEntry,
  MISMATCH_NOTE,
  needsHelp,
  REPLAY_RULE,
  scenarioLabel,
  traineeLabels,
  UNKNOWN_SCENARIO_NOTE,
  UNVERIFIED_NOTE,
} from '../storage/insights.ts';
import { type AcceptedCheck, createVerifier } from '../storage/verify.ts';
import type { ChartHandle } from './charts.ts';
import { h, text } from './dom.ts';
import { AXIS_COLORS, downloadText, emptyState, formatDateTime, recordsPanel } from './records.ts';
import './records.css';

export interface CohortStore {
  load(): Promise<Cohort>;
  save(cohort: Cohort): Promise<void>;
  clear(): Promise<void>;
}

export interface DashboardOptions {
  stories: readonly StoryEntry[];
  cohortStore: CohortStore;
  onBack(): void;
  notify(message: string, tone: 'info' | 'error'): void;
  /**
   * The compiled story JSON of a catalog version, to replay imported attempts on (the game passes
   * the JSON it already loaded). When absent, or when it gives undefined, the dashboard fetches it
   * from `entry.url` itself (`fetchStory`).
   */
  loadStory?: (entry: StoryEntry) => Promise<string | undefined>;
}

/** The compiled story from where the game serves it (`entry.url`, relative to the page). */
async function fetchStory(entry: StoryEntry): Promise<string | undefined> {
  const response = await fetch(new URL(entry.url, document.baseURI));
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
}

/** Lets the page paint and answer between files of a long import. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const loadCharts = () => import('./charts.ts');

let idCounter = 0;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function renderDashboard(opts: DashboardOptions): { element: HTMLElement; dispose(): void } {
  const uid = `dashboard-${++idCounter}`;
  let cohort: Cohort = emptyCohort();
  let rows: CohortRow[] = [];
  let disposed = false;
  let handles: ChartHandle[] = [];
  let distributionScenario = '';
  const given = opts.loadStory;
  const verifier = createVerifier({
    stories: opts.stories,
    loadStory: async (entry) => (given ? await given(entry) : undefined) ?? fetchStory(entry),
  });

  // ---- Header and import ----

  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: '.json,application/json',
    class: 'sr-only',
    'data-import': 'files',
  });
  const picker = h('label', { class: 'button-like primary-like file-pick' }, 'Import results files', input);
  const results = h('ul', {
    class: 'import-results scroll-box',
    'aria-label': 'Imported files',
    tabindex: 0,
    'data-import-results': '',
  });
  // One announcement per batch; the list holds the details.
  const importSummary = text('p', '', { class: 'records-sub', role: 'status', 'data-import-summary': '' });
  const importProgress = text('p', '', { class: 'hint', 'data-import-progress': '', hidden: true });
  const status = text('p', 'Loading the dashboard…', { class: 'records-sub', 'data-cohort-status': '' });
  const body = h('div', { class: 'dashboard-body' });

  // ---- Clearing, with a confirm step in the panel ----
  const clear = h('button', { type: 'button', class: 'danger', 'data-clear': '' }, 'Clear the dashboard');
  const confirmYes = h(
    'button',
    { type: 'button', class: 'danger', 'data-clear-confirm': '' },
    'Yes, remove all results',
  );
  const confirmNo = h('button', { type: 'button' }, 'Keep them');
  const confirmText = text('p', '', { id: `${uid}-confirm` });
  const confirm = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': `${uid}-confirm`, hidden: true },
    confirmText,
    h('div', { class: 'records-actions' }, confirmYes, confirmNo),
  );
  clear.addEventListener('click', () => {
    const n = cohort.trainees.length;
    confirmText.textContent = `Remove the results of all ${n} ${n === 1 ? 'trainee' : 'trainees'} from this dashboard? The trainees keep their own results, and you can import their files again later.`;
    confirm.hidden = false;
    clear.hidden = true;
    confirmNo.focus();
  });
  confirmNo.addEventListener('click', () => {
    confirm.hidden = true;
    clear.hidden = false;
    clear.focus();
  });
  confirmYes.addEventListener('click', () => {
    enqueue(async () => {
      try {
        await opts.cohortStore.clear();
      } catch (e) {
        opts.notify(`The dashboard could not be cleared: ${errorText(e)}`, 'error');
        return;
      }
      if (disposed) return;
      cohort = emptyCohort();
      results.replaceChildren();
      importSummary.textContent = '';
      confirm.hidden = true;
      clear.hidden = false;
      refresh();
      opts.notify('The dashboard is empty.', 'info');
      picker.querySelector('input')?.focus();
    });
  });
  const dangerZone = h(
    'section',
    { class: 'records-card danger-zone', 'aria-label': 'Clear the dashboard' },
    text('p', 'Finished with this group? Clearing removes every imported result from this browser.', {
      class: 'hint',
    }),
    clear,
    confirm,
  );

  const { element, title } = recordsPanel({
    uid,
    screen: 'dashboard',
    heading: 'Trainer dashboard',
    sub: text(
      'p',
      'Import the results files your trainees download from “Your progress”. The results stay in this browser.',
      { class: 'records-sub' },
    ),
    onBack: opts.onBack,
  });
  element.append(
    h(
      'div',
      { class: 'import-bar' },
      picker,
      text('p', 'You can pick several files at once, or drop them anywhere on this panel.', {
        class: 'hint',
      }),
    ),
    text('p', VERIFY_TEXT, { class: 'hint', 'data-verify-note': '' }),
    importSummary,
    importProgress,
    results,
    status,
    body,
    dangerZone,
  );

  // ---- Importing ----
  let queue: Promise<void> = Promise.resolve();
  /** Imports and clearing run one at a time, in order; one failing does not stop the next. */
  function enqueue(task: () => Promise<void>): void {
    queue = queue.then(task).catch((e: unknown) => {
      if (!disposed) opts.notify(`Something went wrong: ${errorText(e)}`, 'error');
    });
  }

  const importFiles = (files: readonly File[]) => {
    if (files.length === 0) return;
    enqueue(async () => {
      let changed = false;
      let accepted = 0;
      let rejected = 0;
      const report = (fileName: string, ok: boolean, message: string) => {
        if (ok) accepted++;
        else rejected++;
        addResult(fileName, ok, message);
      };
      importSummary.textContent = '';
      for (const [i, file] of files.entries()) {
        if (disposed) break;
        if (files.length > 1) {
          importProgress.hidden = false;
          importProgress.textContent = `Checking file ${i + 1} of ${files.length}…`;
          await breathe();
        }
        if (file.size > MAX_RESULTS_FILE_SIZE) {
          report(
            file.name,
            false,
            `${file.name} is too large to be a results file: it is over ${megabytes(MAX_RESULTS_FILE_SIZE)}, and results files are much smaller. It was not read.`,
          );
          continue;
        }
        let content: string;
        try {
          content = await file.text();
        } catch (e) {
          report(file.name, false, `${file.name} could not be read: ${errorText(e)}`);
          continue;
        }
        // Checked against this game's catalog: percents must match the points they came from.
        const parsed = parseResultsFile(content, file.name, { stories: opts.stories });
        if (!parsed.ok) {
          report(file.name, false, parsed.message);
          continue;
        }
        // Each attempt replayed on its own version: scores that its choices do not make refuse the file.
        const checked = await verifier.checkFile(parsed.data, file.name);
        if (!checked.ok) {
          report(file.name, false, checked.message);
          continue;
        }
        const merged = mergeCohort(cohort, parsed.data, checked.verified);
        cohort = merged.cohort;
        changed = true;
        report(file.name, true, `${merged.message}${unverifiedSentence(checked.checks)}`);
      }
      importProgress.hidden = true;
      importProgress.textContent = '';
      // One save for the whole batch (each save writes the whole cohort), also when the trainer
      // left the dashboard mid-import: what was merged is kept.
      if (changed) {
        try {
          await opts.cohortStore.save(cohort);
        } catch (e) {
          opts.notify(
            `The dashboard could not be saved (${errorText(e)}). The results stay on screen until you leave.`,
            'error',
          );
        }
      }
      if (disposed) return;
      importSummary.textContent = importSummaryText(accepted, rejected);
      if (changed) refresh();
    });
  };

  const addResult = (fileName: string, ok: boolean, message: string) => {
    results.append(
      h(
        'li',
        {
          class: `import-result ${ok ? 'accepted' : 'rejected'}`,
          'data-result': ok ? 'accepted' : 'rejected',
        },
        text('span', ok ? `${fileName}: ` : 'Not imported: ', { class: 'import-file' }),
        message,
      ),
    );
  };

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    importFiles(files);
  });

  let dragDepth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  element.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth++;
    element.classList.add('dragging');
  });
  element.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  element.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) element.classList.remove('dragging');
  });
  element.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    element.classList.remove('dragging');
    importFiles([...(e.dataTransfer?.files ?? [])]);
  });

  // ---- What the cohort shows ----
  const destroyCharts = () => {
    for (const handle of handles) handle.destroy();
    handles = [];
  };

  function refresh(): void {
    destroyCharts();
    rows = cohortTable(cohort, opts.stories);
    const trainees = cohort.trainees.length;
    // Counted as the table (and Your progress) count them (REPLAY_RULE): full plays, and replays apart.
    const counts = countRuns(cohort.trainees.flatMap((t) => t.attempts));
    const { attempts, replays } = counts;
    clear.disabled = trainees === 0;
    status.textContent =
      trainees === 0
        ? 'No results loaded yet.'
        : `${trainees} ${trainees === 1 ? 'trainee' : 'trainees'}, ${finishedText(counts)}.`;
    status.setAttribute('data-trainees', String(trainees));
    status.setAttribute('data-attempts', String(attempts));
    status.setAttribute('data-replays', String(replays));
    if (trainees === 0) {
      body.replaceChildren(
        emptyState(
          'dashboard',
          'No results yet.',
          'Ask each trainee to open “Your progress” and choose “Download results (JSON)”, then import those files here. Importing the same file again is safe: nothing is counted twice.',
        ),
      );
      return;
    }
    const labels = traineeLabels(cohort.trainees);
    const idle = cohort.trainees
      .filter((t) => t.attempts.length === 0)
      .map((t) => labels.get(t.trainee.id) ?? t.trainee.name);
    const parts: HTMLElement[] = [];
    if (idle.length) {
      parts.push(
        text(
          'p',
          `No finished attempts yet from ${idle.length === 1 ? '' : `${idle.length} trainees: `}${idle.join(', ')}.`,
          { class: 'records-note' },
        ),
      );
    }
    if (rows.length) {
      parts.push(
        helpSection(needsHelp(rows), uid),
        tableSection(rows, uid, () => {
          const csv = cohortTableCsv(rows);
          const name = `cohort-results-${new Date().toISOString().slice(0, 10)}.csv`;
          downloadText(name, csv, 'text/csv;charset=utf-8', element);
          opts.notify(`Downloaded ${name}.`, 'info');
        }),
        distributionSection(),
      );
    }
    body.replaceChildren(...parts);
  }

  // Distributions: a scenario filter, three bar charts and one table; redrawn on filter change.
  function distributionSection(): HTMLElement {
    // Only this game's scenarios: one it does not have cannot be checked or played here.
    const scenarios = [
      ...new Map(rows.filter((r) => r.inCatalog).map((r) => [r.storyId, r.title])).entries(),
    ];
    if (!scenarios.some(([id]) => id === distributionScenario)) distributionScenario = '';
    const select = h(
      'select',
      { id: `${uid}-dist-scenario`, 'data-distribution-scenario': '' },
      h('option', { value: '' }, 'All scenarios'),
      ...scenarios.map(([id, title]) =>
        h('option', { value: id, selected: id === distributionScenario }, title),
      ),
    );
    const holder = h('div', { class: 'distributions' });
    const draw = () => {
      destroyCharts();
      const dists = axisDistributions(rows, distributionScenario || undefined);
      holder.replaceChildren(distributionCharts(dists, uid), distributionTable(dists));
    };
    select.addEventListener('change', () => {
      distributionScenario = select.value;
      draw();
    });
    draw();
    return h(
      'section',
      { class: 'records-card', 'aria-labelledby': `${uid}-dist` },
      text('h2', 'How scores spread', { id: `${uid}-dist` }),
      text(
        'p',
        'Each trainee’s latest score on each scenario, counted in bands of ten points, one chart per skill. A score below zero counts in the lowest band, 0–9%.',
        { class: 'hint' },
      ),
      h(
        'div',
        { class: 'records-filter' },
        text('label', 'Scenario', { for: `${uid}-dist-scenario` }),
        select,
      ),
      holder,
    );
  }

  function distributionCharts(dists: AxisDistribution[], id: string): HTMLElement {
    const grid = h('div', { class: 'chart-grid' });
    const pending: { canvas: HTMLCanvasElement; dist: AxisDistribution }[] = [];
    for (const dist of dists) {
      const busiest = dist.bins.reduce((a, b) => (b.count > a.count ? b : a), dist.bins[0]!);
      const canvas = h('canvas', {
        'data-chart': 'distribution',
        'data-axis': dist.axis,
        role: 'img',
        'aria-label': `Bar chart of ${dist.name} scores for ${dist.total} results${dist.total ? `; most are in the ${busiest.label}% band (${busiest.count})` : ''}.`,
      });
      pending.push({ canvas, dist });
      grid.append(
        h(
          'figure',
          { class: 'chart-figure', 'aria-labelledby': `${id}-fig-${dist.axis}` },
          text('figcaption', dist.name, { id: `${id}-fig-${dist.axis}` }),
          h('div', { class: 'chart-box small' }, canvas),
        ),
      );
    }
    const drawn = handles;
    loadCharts().then(
      (m) => {
        // Redrawn or closed since: these canvases are gone.
        if (disposed || drawn !== handles) return;
        for (const { canvas, dist } of pending) {
          try {
            handles.push(
              m.drawBarChart(canvas, {
                labels: dist.bins.map((b) => b.label),
                series: [
                  { label: dist.name, color: AXIS_COLORS[dist.axis], data: dist.bins.map((b) => b.count) },
                ],
                xTitle: 'Latest score (%)',
                yTitle: 'Results',
                formatValue: (v) => `${v} ${v === 1 ? 'result' : 'results'}`,
              }),
            );
            canvas.setAttribute('data-points', String(dist.total));
          } catch (e) {
            chartFailed(canvas, e);
          }
        }
      },
      (e: unknown) => {
        if (disposed || drawn !== handles) return;
        for (const { canvas } of pending) chartFailed(canvas, e);
      },
    );
    return grid;
  }

  function chartFailed(canvas: HTMLCanvasElement, e: unknown): void {
    console.warn('chart could not be drawn', e);
    canvas.setAttribute('data-chart-error', '');
    canvas.parentElement?.replaceWith(
      text('p', 'The chart could not be drawn here.', { class: 'records-note' }),
    );
    const details = element.querySelector<HTMLDetailsElement>('.distributions details');
    if (details) details.open = true;
  }

  // ---- Opening: imports wait for the saved cohort, so a new file is never saved over it ----
  queue = opts.cohortStore.load().then(
    (loaded) => {
      if (disposed) return;
      cohort = loaded;
      refresh();
    },
    (e: unknown) => {
      if (disposed) return;
      opts.notify(`The saved dashboard could not be loaded: ${errorText(e)}`, 'error');
      refresh();
    },
  );
  // Results imported before attempts were checked: checked now, once (the flag is saved).
  enqueue(async () => {
    if (disposed) return;
    let found = 0;
    let mismatched = 0;
    const trainees = [];
    for (const t of cohort.trainees) {
      const attempts = [];
      for (const a of t.attempts) {
        if (a.verified !== undefined) {
          attempts.push(a);
          continue;
        }
        try {
          const check = await verifier.check(a);
          attempts.push({ ...a, verified: check.kind === 'verified' });
          found++;
          if (check.kind === 'mismatch') mismatched++;
        } catch {
          // The story could not be loaded: left unchecked, tried again next time.
          attempts.push(a);
        }
      }
      trainees.push({ ...t, attempts });
    }
    if (disposed || found === 0) return;
    cohort = { trainees };
    try {
      await opts.cohortStore.save(cohort);
    } catch (e) {
      opts.notify(`The dashboard could not be saved (${errorText(e)}).`, 'error');
    }
    if (disposed) return;
    refresh();
    if (mismatched) {
      opts.notify(
        `${mismatched} saved ${mismatched === 1 ? 'attempt does' : 'attempts do'} not match ${mismatched === 1 ? 'its' : 'their'} own choices: ${mismatched === 1 ? 'it is' : 'they are'} marked unverified and never count as passed.`,
        'info',
      );
    }
  });

  queueMicrotask(() => {
    if (!disposed && element.isConnected) title.focus({ preventScroll: true });
  });

  return {
    element,
    dispose() {
      disposed = true;
      destroyCharts();
    },
  };
}

/** "Who needs help with what" (exported for the Node tests, which render it with a fake DOM). */
export function helpSection(entries: HelpEntry[], uid: string): HTMLElement {
  const section = h(
    'section',
    { class: 'records-card', 'aria-labelledby': `${uid}-help` },
    text('h2', 'Who needs help with what', { id: `${uid}-help` }),
    text(
      'p',
      `Trainees whose latest attempt at a scenario is below its pass mark, furthest below first. Where a scenario sets no pass marks, ${DEFAULT_PASS_MARK}% is used as a coaching threshold: it flags who may need help, but nobody passes or fails by it.`,
      { class: 'hint' },
    ),
  );
  if (entries.length === 0) {
    section.append(
      text('p', 'Everyone’s latest attempts meet the pass marks and coaching thresholds.', {
        class: 'records-note',
        'data-help': 'none',
      }),
    );
    return section;
  }
  const list = h('ol', { class: 'help-list', 'data-help': 'list' });
  for (const entry of entries) {
    list.append(
      h(
        'li',
        { class: 'help-item', 'data-trainee': entry.traineeId },
        text('p', entry.traineeLabel, { class: 'help-name' }),
        h(
          'ul',
          { class: 'help-axes' },
          ...entry.axes.map((a) =>
            h(
              'li',
              { 'data-axis': a.axis },
              text('span', `${a.name}: `, { class: 'help-axis', style: `color:${AXIS_COLORS[a.axis]}` }),
              a.scenarios
                .map(
                  (s) =>
                    `${s.title} ${resultShareText(s.latestPoints, s.latest)} (${s.declared ? 'pass mark' : 'coaching threshold'} ${s.mark}%)`,
                )
                .join('; '),
            ),
          ),
        ),
      ),
    );
  }
  section.append(
    text('p', `${entries.length} ${entries.length === 1 ? 'trainee needs' : 'trainees need'} help.`, {
      class: 'records-sub',
    }),
    h(
      'div',
      {
        class: 'scroll-box',
        tabindex: 0,
        role: 'region',
        'aria-label': 'The list of who needs help (scrolls)',
      },
      list,
    ),
  );
  return section;
}

/**
 * The results table: best and latest per axis, a total below zero said as "below zero", not 0%
 * (`resultShareText`; `data-points` keeps the number). Exported for the Node tests.
 */
export function tableSection(rows: readonly CohortRow[], uid: string, exportCsv: () => void): HTMLElement {
  const filter = h('input', {
    type: 'search',
    id: `${uid}-filter`,
    autocomplete: 'off',
    'data-table-filter': '',
  });
  const exportButton = h('button', { type: 'button', 'data-export': 'csv' }, 'Export table (CSV)');
  exportButton.addEventListener('click', exportCsv);

  const tbody = h('tbody');
  const names: string[] = [];
  for (const r of rows) {
    names.push(r.traineeLabel.toLocaleLowerCase());
    tbody.append(
      h(
        'tr',
        {
          'data-trainee': r.traineeId,
          'data-story': r.storyId,
          'data-unverified': r.unverified ? String(r.unverified) : undefined,
          'data-replays': r.replays ? String(r.replays) : undefined,
          'data-from-replays': r.fromReplays ? '' : undefined,
          class: r.verified ? undefined : 'unverified',
        },
        h(
          'th',
          { scope: 'row', class: 'wrap' },
          text('span', r.traineeLabel, { class: 'cut', title: r.traineeLabel }),
        ),
        h(
          'td',
          { class: r.inCatalog ? 'wrap' : 'wrap not-here', 'data-in-catalog': String(r.inCatalog) },
          text('span', scenarioLabel(r), { class: 'cut', title: scenarioLabel(r) }),
          r.unverified ? unverifiedTag(r) : null,
        ),
        text('td', attemptsLabel(r), {
          class: 'num',
          'data-attempts': r.attempts,
          title: r.fromReplays
            ? 'No full play of this scenario yet: Best and Latest come from its replays from a decision.'
            : r.replays
              ? `${r.attempts} full ${r.attempts === 1 ? 'play' : 'plays'}; the replays from a decision are not in Best or Latest.`
              : undefined,
        }),
        ...AXES.flatMap((a) => [
          text('td', resultShareText(r.bestPoints[a], r.best[a]), {
            class: 'num',
            'data-axis': a,
            'data-score': 'best',
            'data-points': r.bestPoints[a],
          }),
          r.latest[a] < r.marks[a]
            ? h(
                'td',
                {
                  class: 'num below',
                  'data-axis': a,
                  'data-score': 'latest',
                  'data-points': r.latestPoints[a],
                  title: r.marksDeclared
                    ? `Below the pass mark of ${r.marks[a]}%`
                    : `Below ${r.marks[a]}%, the coaching threshold (this scenario sets no pass marks)`,
                },
                resultShareText(r.latestPoints[a], r.latest[a]),
                text('span', 'below', { class: 'below-tag' }),
              )
            : text('td', resultShareText(r.latestPoints[a], r.latest[a]), {
                class: 'num',
                'data-axis': a,
                'data-score': 'latest',
                'data-points': r.latestPoints[a],
              }),
        ]),
        assessmentCell(r),
      ),
    );
  }
  const shown = text('p', '', { class: 'records-sub', 'aria-live': 'polite' });
  const applyFilter = () => {
    const q = filter.value.trim().toLocaleLowerCase();
    let count = 0;
    const trs = tbody.rows;
    for (let i = 0; i < trs.length; i++) {
      const match = q === '' || (names[i] ?? '').includes(q);
      trs[i]!.hidden = !match;
      if (match) count++;
    }
    shown.textContent =
      q === ''
        ? `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}.`
        : `${count} of ${rows.length} rows shown.`;
  };
  filter.addEventListener('input', applyFilter);
  applyFilter();

  const table = h(
    'table',
    { class: 'records-table cohort-table', 'data-table': 'cohort' },
    text(
      'caption',
      'Best and latest score on each skill, per trainee and scenario, from full plays (replays from a decision are counted apart). Assessment: passed once any assessment attempt met every pass mark (it stays passed); not yet when assessed but never passed.',
    ),
    h('colgroup', {}, h('col'), h('col'), h('col')),
    ...AXES.map(() => h('colgroup', { span: 2 })),
    h('colgroup', {}, h('col')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        text('th', 'Trainee', { scope: 'col', rowspan: 2 }),
        text('th', 'Scenario', { scope: 'col', rowspan: 2 }),
        text('th', 'Attempts (+ replays)', { scope: 'col', rowspan: 2, class: 'num' }),
        ...AXES.map((a) => text('th', AXIS_NAMES[a], { scope: 'colgroup', colspan: 2, class: 'group' })),
        text('th', 'Assessment', { scope: 'col', rowspan: 2 }),
      ),
      h(
        'tr',
        {},
        ...AXES.flatMap(() => [
          text('th', 'Best', { scope: 'col', class: 'num' }),
          text('th', 'Latest', { scope: 'col', class: 'num' }),
        ]),
      ),
    ),
    tbody,
  );

  return h(
    'section',
    { class: 'records-card', 'aria-labelledby': `${uid}-table` },
    text('h2', 'Results by trainee and scenario', { id: `${uid}-table` }),
    h(
      'div',
      { class: 'records-filter' },
      text('label', 'Find a trainee', { for: `${uid}-filter` }),
      filter,
      exportButton,
    ),
    shown,
    h(
      'div',
      {
        class: 'scroll-box table-scroll',
        tabindex: 0,
        role: 'region',
        'aria-label': 'The results table (scrolls)',
      },
      table,
    ),
    text(
      'p',
      `Latest scores below the pass mark are marked “below”; where a scenario sets no pass marks, below ${DEFAULT_PASS_MARK}% (a coaching threshold, not a pass mark). An assessment’s pass comes from the trainee’s file: its scores are checked, but that it was played as an assessment (not practice) is the file’s word.`,
      { class: 'hint', 'data-assessment-hint': '' },
    ),
    text('p', REPLAY_RULE, { class: 'hint', 'data-replay-hint': '' }),
    rows.some((r) => r.unverified) ? unverifiedHint(rows) : null,
  );
}

/** What the import checks, and what it takes on the file's word. */
const VERIFY_TEXT =
  'Every attempt is replayed from its own choices and call notes on the version of the scenario it was played on: its ending, whether the problem was resolved, its scores and the length of the call must match, or the file is not imported. The mode (practice or assessment) and the dates cannot be checked: they are the file’s word.';

/** After an import's message: which of its attempts are unverified, and why (empty when none). */
function unverifiedSentence(checks: readonly AcceptedCheck[]): string {
  const scenario = checks.filter((c) => c.kind === 'unverified' && c.why === 'unknown-scenario').length;
  const version = checks.filter((c) => c.kind === 'unverified' && c.why === 'unknown-version').length;
  const unverified = scenario + version;
  if (!unverified) return '';
  const all = checks.length;
  const which =
    unverified === all
      ? all === 1
        ? 'Its attempt is'
        : `All ${all} of its attempts are`
      : `${unverified} of its ${all} attempts ${unverified === 1 ? 'is' : 'are'}`;
  const why =
    version === 0
      ? UNKNOWN_SCENARIO_NOTE
      : scenario === 0
        ? UNVERIFIED_NOTE
        : `unverified: ${scenario} of a scenario this game does not have, ${version} played on a version it does not have`;
  return ` ${which} ${why}, so ${unverified === 1 ? 'it does' : 'they do'} not count as passed.`;
}

/** The small "1 unverified" tag in a row; the whole reason on hover and in the hint under the table. */
function unverifiedTag(r: CohortRow): HTMLElement {
  const note = r.unverifiedNote ?? UNVERIFIED_NOTE;
  // Replays too: `unverified` counts every run in the row.
  const runs = r.attempts + r.replays;
  const all = r.unverified >= runs;
  const label = all && runs > 1 ? `all ${runs} unverified` : `${r.unverified} unverified`;
  const full = all
    ? `${runs === 1 ? 'Its attempt is' : `All ${runs} attempts are`} ${note}.`
    : `${r.unverified} of ${runs} attempts ${note}; ${r.verified ? 'the scores shown are from the others' : 'the scores shown are from unverified ones'}.`;
  return text('span', label, {
    class: 'unverified-tag',
    title: full,
    'data-unverified-note': note,
  });
}

/** Under the table: what each kind of unverified attempt means (only the kinds in the table). */
function unverifiedHint(rows: readonly CohortRow[]): HTMLElement {
  const notes = new Set(rows.filter((r) => r.unverified).map((r) => r.unverifiedNote ?? UNVERIFIED_NOTE));
  const why: string[] = [];
  if (notes.has(UNKNOWN_SCENARIO_NOTE)) {
    why.push(
      'some were played on a scenario this game does not have (so there is nothing to replay them on)',
    );
  }
  if (notes.has(UNVERIFIED_NOTE)) {
    why.push(
      'some were played on a version of a scenario this game does not have (the scenario has changed since)',
    );
  }
  if (notes.has(MISMATCH_NOTE)) {
    why.push('some, saved before imports were checked, have scores their own choices do not make');
  }
  return text(
    'p',
    `Rows marked “unverified” have attempts that could not be checked against their own choices: ${why.join('; ')}. Unverified attempts never count as passed, and rows with only unverified attempts are left out of “Who needs help with what” and “How scores spread”.`,
    { class: 'hint', 'data-unverified-hint': '' },
  );
}

function assessmentCell(r: CohortRow): HTMLElement {
  const data = { 'data-assessment': r.assessment };
  switch (r.assessment) {
    case 'no-marks':
      return text('td', assessmentLabel(r.assessment), { class: 'assess none', ...data });
    case 'not-taken':
      return text('td', 'not taken yet', { class: 'assess none', ...data });
    case 'not-yet':
      return text('td', assessmentLabel(r.assessment), {
        class: 'assess not-yet',
        ...data,
        title: r.assessmentAt ? `Latest assessment ${formatDateTime(r.assessmentAt)}` : undefined,
      });
    case 'passed':
      return h(
        'td',
        { class: 'assess passed', ...data },
        assessmentLabel(r.assessment),
        r.passedAt
          ? text('span', `first on ${formatDateTime(r.passedAt)}`, {
              class: 'assess-when',
              'data-passed-at': r.passedAt,
            })
          : null,
      );
  }
}

/** The one announcement for an import batch: "3 files imported, 2 not imported: see the list." */
export function importSummaryText(accepted: number, rejected: number): string {
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  if (rejected === 0) return `${files(accepted)} imported.`;
  return `${files(accepted)} imported, ${rejected} not imported: see the list.`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

function distributionTable(dists: AxisDistribution[]): HTMLElement {
  const first = dists[0];
  const tbody = h('tbody');
  for (let i = 0; i < (first?.bins.length ?? 0); i++) {
    tbody.append(
      h(
        'tr',
        {},
        text('th', `${first!.bins[i]!.label}%`, { scope: 'row' }),
        ...dists.map((d) => text('td', String(d.bins[i]!.count), { class: 'num' })),
      ),
    );
  }
  return h(
    'details',
    { class: 'as-table' },
    text('summary', 'Show as a table'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'records-table' },
        text('caption', 'How many results fall in each band of latest score, per skill.'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            text('th', 'Latest score', { scope: 'col' }),
            ...dists.map((d) => text('th', d.name, { scope: 'col', class: 'num' })),
          ),
        ),
        tbody,
      ),
    ),
  );
}
