/**
 * "Your progress": a trainee's finished attempts per scenario as line charts (one line per skill,
 * pass marks dashed, assessments drawn as diamonds, attempts in the order played, dated by day; the latest
 * 30 until "Show all" is pressed), personal bests, the weakest area with a scenario
 * to practise it on, and downloads of the results for the trainer.
 *
 * Chart.js comes in with `import('./charts.ts')` once this screen opens; every chart has a table with
 * the same figures, so nothing depends on seeing the canvas.
 */
import type { StoryEntry } from '../authoring/catalog.ts';
import { AXES, AXIS_NAMES, type Axis, type PassMarks } from '../engine/tags.ts';
import { resultShareText } from '../engine/wording.ts';
import { buildResultsFile, resultsCsv, resultsFileName, resultsJson } from '../storage/exchange.ts';
import {
  CHART_LATEST,
  chartWindow,
  finishedText,
  type HistoryPoint,
  type ScenarioHistory,
  SUGGESTION_RULE,
  type TraineeHistory,
  traineeHistory,
  WEAKEST_RULE,
} from '../storage/insights.ts';
import type { Attempt } from '../storage/schema.ts';
import type { ChartHandle, ReferenceLine } from './charts.ts';
import { h, text } from './dom.ts';
import { AXIS_COLORS, downloadText, emptyState, formatDateTime, recordsPanel } from './records.ts';
import './records.css';

export interface HistoryOptions {
  profile: { id: string; name: string };
  attempts: readonly Attempt[];
  stories: readonly StoryEntry[];
  onBack(): void;
  onPractise(storyId: string): void;
  notify(message: string, tone: 'info' | 'error'): void;
  /** Where the progress lives, for one plain sentence next to the downloads. */
  storage?: { durable: boolean; persistence: 'granted' | 'denied' | 'unsupported' | 'not-asked' };
}

/** How safe the saved progress is, in one sentence (undefined when there is nothing to say). */
export function storageSentence(storage: HistoryOptions['storage']): string | undefined {
  if (!storage) return undefined;
  if (!storage.durable) {
    return 'This browser is not letting the game save: your progress lasts only until you close this tab, so download your results before you go.';
  }
  if (storage.persistence === 'granted')
    return 'This browser has agreed to keep your progress until you clear it.';
  return 'This browser may clear saved data when space runs low: download your results now and then to keep a copy.';
}

const loadCharts = () => import('./charts.ts');

let idCounter = 0;

export function renderHistory(opts: HistoryOptions): { element: HTMLElement; dispose(): void } {
  const uid = `history-${++idCounter}`;
  const own = opts.attempts.filter((a) => a.profileId === opts.profile.id);
  const history = traineeHistory(own, opts.stories);
  const handles: ChartHandle[] = [];
  let disposed = false;

  const { element, title } = recordsPanel({
    uid,
    screen: 'history',
    heading: 'Your progress',
    // Counted as the trainer's dashboard counts them: full plays, and replays from a decision apart.
    sub: text('p', `${opts.profile.name} · ${finishedText(history.counts)}`, { class: 'records-sub' }),
    onBack: opts.onBack,
  });

  if (history.scenarios.length === 0) {
    element.append(
      emptyState(
        'history',
        'Nothing to show yet.',
        'Play a scenario through to the end, in practice or assessment, and your scores appear here: one line for each skill, so you can watch yourself improve from call to call.',
        text(
          'p',
          'Once you have finished a scenario you can also download your results here to send to your trainer.',
          { class: 'hint' },
        ),
      ),
    );
  } else {
    element.append(focusCard(history, opts), bestsTable(history, uid));
    element.append(text('h2', 'Each scenario'));
    const charts: { canvas: HTMLCanvasElement; draw: (m: typeof import('./charts.ts')) => ChartHandle }[] =
      [];
    history.scenarios.forEach((scenario, i) => {
      const card = scenarioCard(scenario, `${uid}-s${i}`);
      element.append(card.element);
      charts.push(card);
    });
    element.append(exportSection(opts, element));

    loadCharts().then(
      (module) => {
        if (disposed) return;
        for (const c of charts) {
          try {
            handles.push(c.draw(module));
          } catch (e) {
            chartFailed(c.canvas, e);
          }
        }
      },
      (e: unknown) => {
        if (disposed) return;
        for (const c of charts) chartFailed(c.canvas, e);
      },
    );
  }

  queueMicrotask(() => {
    if (!disposed && element.isConnected) title.focus({ preventScroll: true });
  });

  return {
    element,
    dispose() {
      disposed = true;
      for (const handle of handles.splice(0)) handle.destroy();
    },
  };
}

function chartFailed(canvas: HTMLCanvasElement, e: unknown): void {
  console.warn('chart could not be drawn', e);
  canvas.setAttribute('data-chart-error', '');
  const box = canvas.parentElement;
  const details = box?.parentElement?.querySelector('details');
  if (details) details.open = true;
  box?.replaceWith(
    text('p', 'The chart could not be drawn here; the table below has the same figures.', {
      class: 'records-note',
    }),
  );
}

function focusCard(history: TraineeHistory, opts: HistoryOptions): HTMLElement {
  const weakest = history.weakest!;
  const suggestion = history.suggestion;
  const card = h(
    'section',
    { class: 'records-card focus-card', 'aria-label': 'Where to focus next', 'data-weakest': weakest.axis },
    text('h2', 'Where to focus next'),
    h(
      'p',
      { class: 'focus-lead' },
      'Your weakest area: ',
      text('strong', weakest.name, { style: `color:${AXIS_COLORS[weakest.axis]}` }),
      ` (${resultShareText(weakest.points, weakest.average)} on average recently).`,
    ),
    text('p', WEAKEST_RULE, { class: 'hint' }),
  );
  if (suggestion) {
    const practise = h(
      'button',
      { type: 'button', class: 'primary', 'data-practise': suggestion.storyId },
      `Practise ${suggestion.title}`,
    );
    practise.addEventListener('click', () => opts.onPractise(suggestion.storyId));
    card.append(
      text('p', suggestion.reason, { class: 'focus-reason' }),
      h('div', { class: 'records-actions' }, practise),
      text('p', SUGGESTION_RULE, { class: 'hint' }),
    );
  }
  return card;
}

function bestsTable(history: TraineeHistory, uid: string): HTMLElement {
  const body = h('tbody');
  for (const s of history.scenarios) {
    body.append(
      h(
        'tr',
        { 'data-story': s.storyId },
        text('th', s.title, { scope: 'row' }),
        ...AXES.map((axis) =>
          text('td', resultShareText(s.bestPoints[axis], s.best[axis]), {
            class: 'num',
            'data-axis': axis,
            'data-points': s.bestPoints[axis],
          }),
        ),
      ),
    );
  }
  return h(
    'section',
    { class: 'records-card', 'aria-labelledby': `${uid}-bests` },
    text('h2', 'Your personal bests', { id: `${uid}-bests` }),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'records-table bests' },
        text('caption', 'Your best score on each skill in each scenario, over all your attempts.'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            text('th', 'Scenario', { scope: 'col' }),
            ...AXES.map((axis) => text('th', AXIS_NAMES[axis], { scope: 'col', class: 'num' })),
          ),
        ),
        body,
      ),
    ),
  );
}

function marksNote(scenario: ScenarioHistory): string {
  if (!scenario.inCatalog) return 'This scenario is no longer offered; your results from it are kept.';
  if (!scenario.pass) return 'This scenario sets no pass marks.';
  const p = scenario.pass;
  if (p.de === p.own && p.own === p.res) {
    return `Pass mark for an assessment: ${p.de}% on every skill. It is the dashed line.`;
  }
  return `Pass marks for an assessment: ${AXES.map((a) => `${AXIS_NAMES[a]} ${p[a]}%`).join(', ')}. They are the dashed lines, in each skill's colour.`;
}

/** One dashed line per distinct mark, coloured by its axis ("Pass 60%" in ink when axes share it). */
function referenceLines(pass: PassMarks | undefined, ink: string): ReferenceLine[] {
  if (!pass) return [];
  const groups = new Map<number, Axis[]>();
  for (const axis of AXES) groups.set(pass[axis], [...(groups.get(pass[axis]) ?? []), axis]);
  return [...groups].map(([value, axes]) => ({
    value,
    color: axes.length === 1 ? AXIS_COLORS[axes[0]!] : ink,
    label: `Pass ${value}%`,
  }));
}

/** An attempt's score on an axis as Your progress shows it: "40%", or "below zero" (`resultShareText`). */
const shareOf = (point: HistoryPoint, axis: Axis): string =>
  resultShareText(point.points[axis], point.percent[axis]);

/** For a chart's tooltip, which plots a total below zero at 0%: " (below zero: De-escalation)". */
function belowZeroNote(point: HistoryPoint): string {
  const below = AXES.filter((a) => shareOf(point, a) === 'below zero').map((a) => AXIS_NAMES[a]);
  return below.length ? ` (below zero: ${below.join(', ')})` : '';
}

function resultWord(point: ScenarioHistory['points'][number]): string {
  if (point.mode !== 'assessment') return '—';
  return point.passed === undefined ? 'assessed' : point.passed ? 'passed' : 'not yet';
}

function scenarioCard(
  scenario: ScenarioHistory,
  id: string,
): {
  element: HTMLElement;
  canvas: HTMLCanvasElement;
  draw: (m: typeof import('./charts.ts')) => ChartHandle;
} {
  const points = scenario.points;
  const assessments = points.filter((p) => p.mode === 'assessment').length;
  const { attempts, replays } = scenario.counts;
  const last = scenario.latest;
  const canvas = h('canvas', {
    'data-chart': 'history',
    'data-story': scenario.storyId,
    role: 'img',
  });
  let showAll = false;
  /** The attempts plotted now: the latest CHART_LATEST, or all; with their numbers (from 1). */
  const shown = () => {
    const list = chartWindow(points, showAll);
    return { list, from: points.length - list.length };
  };
  const describe = () => {
    const { list } = shown();
    const first = list[0]!;
    const summary = AXES.map((a) =>
      list.length === 1
        ? `${AXIS_NAMES[a]} ${shareOf(last, a)}`
        : `${AXIS_NAMES[a]} from ${shareOf(first, a)} to ${shareOf(last, a)}`,
    ).join(', ');
    const which =
      list.length === points.length
        ? `your ${points.length} ${points.length === 1 ? 'attempt' : 'attempts'}`
        : `your latest ${list.length} of ${points.length} attempts`;
    canvas.setAttribute('data-count', String(list.length));
    canvas.setAttribute(
      'aria-label',
      `Line chart of ${which} at ${scenario.title}, in the order played: ${summary}.${scenario.pass ? ' Dashed lines mark the pass marks.' : ''}`,
    );
  };
  describe();

  // Many attempts: the latest CHART_LATEST until asked for all (the table always has all).
  const windowNote = text('p', '', { class: 'hint', 'data-chart-window': '' });
  let more: HTMLButtonElement | null = null;
  if (points.length > CHART_LATEST) {
    more = h(
      'button',
      { type: 'button', class: 'chart-more', 'aria-pressed': 'false', 'data-show-all': '' },
      `Show all ${points.length} attempts`,
    );
  }
  const noteWindow = () => {
    windowNote.hidden = !more;
    windowNote.textContent = showAll
      ? `Showing all ${points.length} attempts.`
      : `Showing your latest ${CHART_LATEST} of ${points.length} attempts.`;
  };
  noteWindow();

  const rows = h('tbody');
  points.forEach((p, i) => {
    rows.append(
      h(
        'tr',
        { 'data-attempt': p.attemptId, 'data-mode': p.mode },
        text('th', String(i + 1), { scope: 'row', class: 'num' }),
        text('td', formatDateTime(p.at)),
        text(
          'td',
          p.mode === 'assessment'
            ? 'Assessment'
            : p.replayFrom !== undefined
              ? `Replay from decision ${p.replayFrom + 1}`
              : 'Practice',
        ),
        ...AXES.map((a) => text('td', shareOf(p, a), { class: 'num', 'data-points': p.points[a] })),
        text('td', resultWord(p)),
      ),
    );
  });
  const table = h(
    'details',
    { class: 'as-table' },
    text('summary', 'Show as a table'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'records-table' },
        text('caption', `Your attempts at ${scenario.title}, oldest first.`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            text('th', 'Attempt', { scope: 'col', class: 'num' }),
            text('th', 'Finished', { scope: 'col' }),
            text('th', 'Mode', { scope: 'col' }),
            ...AXES.map((a) => text('th', AXIS_NAMES[a], { scope: 'col', class: 'num' })),
            text('th', 'Assessment', { scope: 'col' }),
          ),
        ),
        rows,
      ),
    ),
  );

  // Counted as the trainer's dashboard counts them (REPLAY_RULE): replays from a decision apart.
  const meta = `${attempts} finished ${attempts === 1 ? 'attempt' : 'attempts'}${assessments ? `, ${assessments} of them ${assessments === 1 ? 'an assessment' : 'assessments'}` : ''}${replays ? `, and ${replays} ${replays === 1 ? 'replay' : 'replays'} from a decision` : ''}; latest ${formatDateTime(last.at)}.`;
  const element = h(
    'section',
    {
      class: 'records-card progress-scenario',
      'aria-labelledby': `${id}-title`,
      'data-story': scenario.storyId,
    },
    text('h3', scenario.title, { id: `${id}-title` }),
    text('p', meta, { class: 'records-sub' }),
    text('p', marksNote(scenario), { class: 'records-note' }),
    h('div', { class: 'chart-box' }, canvas),
    text(
      'p',
      'Circles are practice attempts; diamonds are assessments; triangles are replays from a decision (not counted in your bests). Attempts are in the order you played them; a date marks the first of each day.',
      {
        class: 'hint chart-key',
      },
    ),
    windowNote,
    more,
    table,
  );

  let module: typeof import('./charts.ts') | undefined;
  let chart: ChartHandle | undefined;
  let gone = false;
  const plot = () => {
    if (!module || gone) return;
    chart?.destroy();
    chart = undefined;
    const { list, from } = shown();
    const years = new Set(list.map((p) => new Date(p.at).getFullYear())).size > 1;
    const dayLabel = new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      ...(years ? { year: 'numeric' as const } : {}),
    });
    // Smaller markers when there are many, so the lines still read.
    const many = list.length > CHART_LATEST;
    // Attempts in the order played, evenly spaced (a day of practice must not collapse into one
    // column); a date marks the first attempt of each day.
    const days = list.map((p) => dayLabel.format(new Date(p.at)));
    chart = module.drawLineChart(canvas, {
      labels: days.map((d, i) => (i === 0 || d !== days[i - 1] ? d : '')),
      titles: list.map(
        (p, i) =>
          `Attempt ${from + i + 1}, ${p.mode === 'assessment' ? `assessment${p.passed === undefined ? '' : p.passed ? ' (passed)' : ' (not yet)'}` : p.replayFrom !== undefined ? `replayed from decision ${p.replayFrom + 1}` : 'practice'}, ${formatDateTime(p.at)}${belowZeroNote(p)}`,
      ),
      series: AXES.map((axisName) => ({
        label: AXIS_NAMES[axisName],
        color: AXIS_COLORS[axisName],
        data: list.map((p) => p.percent[axisName]),
        pointStyle: list.map((p) =>
          p.mode === 'assessment' ? 'rectRot' : p.replayFrom !== undefined ? 'triangle' : 'circle',
        ),
        pointRadius: list.map((p) => (p.mode === 'assessment' ? (many ? 4 : 7) : many ? 2 : 4)),
        borderWidth: many ? 1.5 : 2.5,
      })),
      references: referenceLines(scenario.pass, module.INK),
      yTitle: 'Score (%)',
    });
    canvas.setAttribute('data-points', String(list.length));
  };
  more?.addEventListener('click', () => {
    showAll = !showAll;
    more!.setAttribute('aria-pressed', String(showAll));
    describe();
    noteWindow();
    try {
      plot();
    } catch (e) {
      chartFailed(canvas, e);
    }
  });

  const draw = (m: typeof import('./charts.ts')): ChartHandle => {
    module = m;
    plot();
    return {
      destroy() {
        gone = true;
        chart?.destroy();
        chart = undefined;
      },
    };
  };
  return { element, canvas, draw };
}

function exportSection(opts: HistoryOptions, host: HTMLElement): HTMLElement {
  const json = h('button', { type: 'button', 'data-export': 'json' }, 'Download results (JSON)');
  const csv = h('button', { type: 'button', 'data-export': 'csv' }, 'Download results (CSV)');
  const save = (kind: 'json' | 'csv') => {
    try {
      const file = buildResultsFile(opts.profile, opts.attempts);
      const name = resultsFileName(file, kind);
      if (kind === 'json') downloadText(name, resultsJson(file), 'application/json', host);
      else {
        const titles = new Map(opts.stories.map((s) => [s.id, s.metadata.title]));
        downloadText(
          name,
          resultsCsv(file, { scenarioTitle: (id) => titles.get(id) }),
          'text/csv;charset=utf-8',
          host,
        );
      }
      opts.notify(`Downloaded ${name}.`, 'info');
    } catch (e) {
      opts.notify(
        `Your results could not be downloaded: ${e instanceof Error ? e.message : String(e)}`,
        'error',
      );
    }
  };
  json.addEventListener('click', () => save('json'));
  csv.addEventListener('click', () => save('csv'));
  return h(
    'section',
    { class: 'records-card', 'aria-label': 'Download your results' },
    text('h2', 'Download your results'),
    text(
      'p',
      'Send the JSON file to your trainer: it goes straight into their dashboard. The CSV file opens in a spreadsheet.',
    ),
    h('div', { class: 'records-actions' }, json, csv),
    ((sentence) =>
      sentence ? text('p', sentence, { class: 'records-note', 'data-storage-note': '' }) : null)(
      storageSentence(opts.storage),
    ),
  );
}
