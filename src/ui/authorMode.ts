/**
 * Author mode, for trainers: paste, drop or open an ink file, or pick one from the library; it
 * compiles in a worker (the compiler is loaded only here) and plays at once, with a side panel of
 * live scores, mood, clock, variables, the current knot and each line's tags, and a list of errors
 * and warnings that jump to their line. Whatever is loaded, the game keeps working.
 */

import type { AuthorResult, PlayStep } from '../authoring/authorProtocol.ts';
import type { StoryEntry } from '../authoring/catalog.ts';
import type { Diagnostic } from '../authoring/diagnostics.ts';
import { formatClock } from '../engine/clock.ts';
import { AXES, AXIS_NAMES } from '../engine/tags.ts';
import { AuthorClient, TimeoutError } from './authorClient.ts';
import { h, text } from './dom.ts';
import { renderMapView } from './mapView.ts';

/** Bigger than any real scenario by far; a file this size is a mistake, and says so. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
const COMPILE_MS = 8000;
const STEP_MS = 3000;

/** Why this text cannot be a story, or undefined when it can be tried. */
export function rejectSource(source: string, bytes: number): string | undefined {
  if (bytes > MAX_SOURCE_BYTES) {
    return `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; author mode takes stories up to 2 MB. Is it the right file?`;
  }
  if (source.trim() === '') return 'The story is empty: write or paste some ink first.';
  const sample = source.slice(0, 4096);
  const odd = [...sample].filter((c) => c === '\u0000' || c === '\ufffd').length;
  if (odd > 0)
    return "This doesn't look like a text file (it has binary data in it). Ink stories are plain text.";
  return undefined;
}

export function renderAuthorMode(
  library: readonly StoryEntry[],
  actions: { menu: () => void; notify: (message: string, tone: 'info' | 'error') => void },
): { element: HTMLElement; dispose: () => void } {
  const client = new AuthorClient();
  let fileName = 'stories/untitled.ink';

  const editor = h('textarea', {
    class: 'ink-editor',
    id: 'ink-editor',
    spellcheck: 'false',
    'aria-label': 'Ink source',
    placeholder: 'Paste ink here, drop a .ink file, or open one from the library.',
  });
  const fileInput = h('input', {
    type: 'file',
    accept: '.ink,.json,text/plain',
    class: 'sr-only',
    id: 'ink-file',
  });
  const openButton = h('label', { class: 'button-like', for: 'ink-file' }, 'Open file…');
  const librarySelect = h(
    'select',
    { 'aria-label': 'Open a scenario from the library' },
    h('option', { value: '' }, 'Library…'),
    ...library.map((s) => h('option', { value: s.id }, s.metadata.title)),
  );
  const play = h(
    'button',
    { type: 'button', class: 'primary' },
    'Check and play',
    text('span', 'Ctrl+Enter', { class: 'key key-wide', 'aria-hidden': 'true' }),
  );
  const back = h('button', { type: 'button' }, 'Back to menu');
  const status = text('p', 'Nothing loaded yet.', { class: 'author-status', role: 'status' });
  const problems = h('ol', { class: 'problems', 'aria-label': 'Errors and warnings' });

  const log = h('ol', { class: 'author-log', 'aria-label': 'Story output', tabindex: 0 });
  const choices = h('ol', { class: 'choices', 'aria-label': 'Choices' });
  const restart = h('button', { type: 'button' }, 'Restart story');
  const mapButton = h('button', { type: 'button' }, 'Show the map');
  const mapArea = h('div', { class: 'author-map' });
  const panel = h('dl', { class: 'author-panel', 'aria-label': 'Live state' });

  const element = h(
    'section',
    { class: 'panel author', 'aria-labelledby': 'author-title' },
    h(
      'header',
      { class: 'author-head' },
      text('h1', 'Author mode', { id: 'author-title' }),
      h(
        'span',
        { class: 'head-buttons' },
        h('span', { class: 'settings-slot', 'data-slot': 'settings' }),
        back,
      ),
    ),
    h(
      'div',
      { class: 'author-body' },
      h(
        'div',
        { class: 'author-source' },
        h('div', { class: 'author-toolbar' }, openButton, fileInput, librarySelect, play, mapButton),
        editor,
        status,
        problems,
      ),
      h(
        'div',
        { class: 'author-play' },
        text('h2', 'Play'),
        log,
        choices,
        restart,
        text('h2', 'Live state'),
        panel,
      ),
    ),
    mapArea,
  );

  const showProblems = (diagnostics: Diagnostic[]): void => {
    problems.replaceChildren(
      ...diagnostics.map((d) => {
        const label = `${d.severity === 'error' ? 'Error' : 'Warning'}${d.line ? `, line ${d.line}` : ''}: ${d.message}`;
        const item = h(
          'button',
          { type: 'button', class: `problem-item ${d.severity}`, 'data-line': d.line ?? '' },
          label,
        );
        if (d.line) item.addEventListener('click', () => goToLine(d.line ?? 1));
        return h('li', {}, item);
      }),
    );
  };

  const goToLine = (line: number): void => {
    const lines = editor.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    editor.focus();
    editor.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 5) * lineHeight);
  };

  let lastPanel: PlayStep['panel'] = {
    score: { de: 0, own: 0, res: 0 },
    mood: 0,
    seconds: 0,
    location: '',
    variables: {},
    warnings: [],
  };
  const showPanel = (step: PlayStep): void => {
    const p = step.panel;
    lastPanel = p;
    const row = (label: string, value: string) => [text('dt', label), text('dd', value)];
    const scoreRows = AXES.flatMap((axis) =>
      row(
        AXIS_NAMES[axis],
        `${p.score[axis]}${p.bounds ? ` (best ${p.bounds.best[axis]}, worst ${p.bounds.worst[axis]})` : ''}`,
      ),
    );
    const vars = Object.entries(p.variables);
    panel.replaceChildren(
      ...scoreRows,
      ...row('Mood', String(p.mood)),
      ...row('Clock', formatClock(p.seconds)),
      ...row('Knot', p.location),
      ...row('Variables', vars.length ? vars.map(([k, v]) => `${k} = ${String(v)}`).join(', ') : 'none'),
      ...(p.warnings.length ? row('Warnings', p.warnings.join(' · ')) : []),
    );
  };

  const showStep = (step: PlayStep): void => {
    for (const line of step.lines) {
      log.append(
        h(
          'li',
          { class: 'author-line' },
          line.speaker ? text('span', `${line.speaker}: `, { class: 'said-speaker' }) : null,
          line.text,
          ...line.tags.map((t) => text('span', `#${t}`, { class: 'tag-chip' })),
        ),
      );
    }
    log.lastElementChild?.scrollIntoView?.({ block: 'end' });
    choices.replaceChildren();
    const state = step.state;
    if (state.kind === 'awaiting-choice') {
      state.choices.forEach((c, i) => {
        const marks = AXES.filter((a) => c.marks.score[a] !== 0).map(
          (a) => `${a} ${c.marks.score[a] > 0 ? '+' : ''}${c.marks.score[a]}`,
        );
        const button = h(
          'button',
          { type: 'button', class: 'choice' },
          text('span', String(i + 1), { class: 'key', 'aria-hidden': 'true' }),
          text('span', c.text, { class: 'choice-text' }),
          marks.length ? text('span', marks.join(' '), { class: 'tag-chip' }) : null,
        );
        button.addEventListener('click', () => void choose(i), { once: true });
        choices.append(h('li', {}, button));
      });
    } else if (state.kind === 'ended') {
      choices.append(
        text('li', `The end: ${state.ending} (${state.resolved ? 'resolved' : 'not resolved'})`, {
          class: 'author-end',
        }),
      );
    } else if (state.kind === 'failed') {
      choices.append(text('li', `The story stopped: ${state.error}`, { class: 'author-failed' }));
    }
    showPanel(step);
  };

  const failed = (what: string, e: unknown): void => {
    const message =
      e instanceof TimeoutError
        ? `${what} ${e.message}: the story may loop forever without reaching a choice, or be far too big. The game is fine; fix the story and try again.`
        : `${what} failed: ${e instanceof Error ? e.message : String(e)}`;
    status.textContent = message;
    actions.notify(message, 'error');
  };

  const compile = async (): Promise<void> => {
    const source = editor.value;
    const bytes = new Blob([source]).size;
    const rejected = rejectSource(source, bytes);
    log.replaceChildren();
    choices.replaceChildren();
    panel.replaceChildren();
    if (rejected) {
      status.textContent = rejected;
      showProblems([]);
      return;
    }
    status.textContent = 'Checking…';
    // A new version supersedes whatever the worker is still busy with (score bounds of the last one).
    if (client.busy) client.reset(new Error('superseded by a newer version'));
    let result: AuthorResult;
    try {
      result = await client.request({ type: 'compile', file: fileName, source }, COMPILE_MS);
    } catch (e) {
      failed('Checking the story', e);
      return;
    }
    if (result.kind !== 'compiled') return;
    showProblems(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    status.textContent = result.playable
      ? `Compiled in ${result.compileMs} ms${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}. Playing “${result.title ?? fileName}”.`
      : `${errors} error${errors > 1 ? 's' : ''}: fix ${errors > 1 ? 'them' : 'it'} and try again (click one to see its line).`;
    if (result.first) {
      showStep(result.first);
      void fetchBounds(result.first);
    }
  };

  /** Best and worst achievable scores, worked out after the story is already playing. */
  const fetchBounds = async (first: PlayStep): Promise<void> => {
    try {
      const result = await client.request({ type: 'bounds' }, COMPILE_MS);
      if (result.kind === 'bounds' && result.bounds)
        showPanel({ ...first, panel: { ...lastPanel, bounds: result.bounds } });
    } catch {
      // Too big to explore in time: the panel simply shows no bounds.
    }
  };

  const choose = async (index: number): Promise<void> => {
    try {
      const result = await client.request({ type: 'choose', index }, STEP_MS);
      if (result.kind === 'step') showStep(result.step);
    } catch (e) {
      failed('Playing on', e);
    }
  };

  const load = (name: string, source: string, bytes: number): void => {
    fileName = name.startsWith('stories/') ? name : `stories/${name.replace(/^.*[\\/]/, '')}`;
    const rejected = rejectSource(source, bytes);
    if (rejected) {
      editor.value = '';
      status.textContent = rejected;
      return;
    }
    editor.value = source;
    void compile();
  };

  const readFile = async (file: File): Promise<void> => {
    if (file.size > MAX_SOURCE_BYTES) {
      status.textContent = rejectSource('x', file.size) ?? '';
      return;
    }
    load(file.name, await file.text(), file.size);
  };

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file);
    fileInput.value = '';
  });
  editor.addEventListener('dragover', (e) => e.preventDefault());
  editor.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void readFile(file);
  });
  librarySelect.addEventListener('change', async () => {
    const story = library.find((s) => s.id === librarySelect.value);
    librarySelect.value = '';
    if (!story) return;
    try {
      const response = await fetch(story.source);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const source = await response.text();
      load(story.file, source, source.length);
    } catch (e) {
      failed(`Opening ${story.file}`, e);
    }
  });
  play.addEventListener('click', () => void compile());
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void compile();
    }
  });
  restart.addEventListener('click', async () => {
    log.replaceChildren();
    try {
      const result = await client.request({ type: 'restart' }, STEP_MS);
      if (result.kind === 'step') showStep(result.step);
    } catch (e) {
      failed('Restarting', e);
    }
  });
  mapButton.addEventListener('click', async () => {
    const source = editor.value;
    const rejected = rejectSource(source, new Blob([source]).size);
    if (rejected) {
      status.textContent = rejected;
      return;
    }
    mapArea.replaceChildren(text('p', 'Drawing the map…', { class: 'author-status' }));
    try {
      const result = await client.request({ type: 'map', file: fileName, source }, COMPILE_MS);
      if (result.kind === 'map') mapArea.replaceChildren(renderMapView(result.svg, fileName));
    } catch (e) {
      mapArea.replaceChildren();
      failed('Drawing the map', e);
    }
  });
  back.addEventListener('click', actions.menu, { once: true });
  queueMicrotask(() => editor.focus({ preventScroll: true }));

  return { element, dispose: () => client.reset(new Error('author mode closed')) };
}
