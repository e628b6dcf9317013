/**
 * Author mode's scenario map: the SVG drawn by `src/authoring/map.ts`, with zoom and an export
 * button. The SVG is parsed as XML and imported as nodes (never innerHTML), and anything active
 * (scripts, event handlers, foreign HTML) is dropped before it reaches the page.
 */
import { h } from './dom.ts';

const ZOOM_MIN = 0.1;
const ZOOM_MAX = 4;
const ZOOM_STEP = 1.25;

/** `stories/aisle.ink` → `aisle-map.svg`. */
export function mapFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.ink$/i, '').replace(/[^\w.-]+/g, '-') || 'story';
  return `${stem}-map.svg`;
}

/** Removes scripts, foreign content, event handlers and script URLs from a parsed SVG. */
function defuse(root: Element): void {
  for (const el of [...root.querySelectorAll('script, foreignObject, iframe, object, embed')]) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || (name.endsWith('href') && !value.startsWith('#'))) {
        el.removeAttribute(attr.name);
      }
    }
  }
}

function count(svg: Element, key: string, selector: string): number {
  const value = Number.parseInt(svg.getAttribute(`data-${key}`) ?? '', 10);
  return Number.isFinite(value) ? value : svg.querySelectorAll(selector).length;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the map shows, in words: the accessible name of the image. */
export function mapSummary(svg: Element, fileName: string): string {
  const knots = count(svg, 'knots', '.map-knot');
  const choices = count(svg, 'choices', '.map-choice');
  const endings = count(svg, 'endings', '.map-ending');
  const unreachable = count(svg, 'unreachable', '.map-unreachable');
  return (
    `Scenario map of ${fileName}: ${plural(knots, 'knot')}, ${plural(choices, 'choice')}, ` +
    `${plural(endings, 'ending')}, ${unreachable} unreachable`
  );
}

function naturalSize(svg: Element): { width: number; height: number } {
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (box.length === 4 && (box[2] ?? 0) > 0 && (box[3] ?? 0) > 0) return { width: box[2]!, height: box[3]! };
  return { width: 800, height: 600 };
}

/** Downloads `svg` as a file, through a temporary object URL. */
export function downloadSvg(svg: string, name: string): void {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function renderMapView(svg: string, fileName: string): HTMLElement {
  const section = h('section', { class: 'map-view', 'aria-label': `Scenario map: ${fileName}` });

  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
    section.append(
      h('p', { class: 'map-error', role: 'alert' }, `The map of ${fileName} could not be drawn.`),
    );
    return section;
  }
  const image: Element = document.importNode(root, true);
  defuse(image);
  image.setAttribute('role', 'img');
  image.setAttribute('aria-label', mapSummary(image, fileName));
  image.setAttribute('focusable', 'false');
  const size = naturalSize(image);
  image.setAttribute('width', String(size.width));
  image.setAttribute('height', String(size.height));
  image.setAttribute('style', 'display: block');

  // The stage is scaled with a CSS transform; the sizer gives the scroll area the scaled size.
  const stage = h('div', { class: 'map-stage' }, image);
  stage.style.position = 'absolute';
  stage.style.left = '0';
  stage.style.top = '0';
  stage.style.transformOrigin = '0 0';
  const sizer = h('div', { class: 'map-sizer' }, stage);
  sizer.style.position = 'relative';
  const hintId = `map-hint-${Math.random().toString(36).slice(2, 8)}`;
  const viewport = h(
    'div',
    {
      class: 'map-viewport',
      tabindex: 0,
      role: 'region',
      'aria-label': `Map of ${fileName}`,
      'aria-describedby': hintId,
    },
    sizer,
  );
  viewport.style.overflow = 'auto';
  viewport.style.maxHeight = '75vh';

  const level = h('output', { class: 'map-zoom-level', 'aria-live': 'polite' }, '100%');
  let scale = 1;
  const apply = (next: number) => {
    const clamped = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, next));
    // Keep the point in the middle of the view where it is.
    const cx = (viewport.scrollLeft + viewport.clientWidth / 2) / scale;
    const cy = (viewport.scrollTop + viewport.clientHeight / 2) / scale;
    scale = clamped;
    stage.style.transform = `scale(${scale})`;
    sizer.style.width = `${Math.ceil(size.width * scale)}px`;
    sizer.style.height = `${Math.ceil(size.height * scale)}px`;
    viewport.scrollLeft = cx * scale - viewport.clientWidth / 2;
    viewport.scrollTop = cy * scale - viewport.clientHeight / 2;
    level.textContent = `${Math.round(scale * 100)}%`;
  };
  const fitToView = () => {
    const w = viewport.clientWidth;
    const hgt = viewport.clientHeight;
    if (w <= 0) return apply(1);
    // The whole map in view, never enlarged past its natural size.
    apply(Math.min(1, w / size.width, hgt > 0 ? hgt / size.height : 1));
    viewport.scrollLeft = 0;
    viewport.scrollTop = 0;
  };
  apply(1);

  const button = (label: string, aria: string, action: () => void, extra: Record<string, string> = {}) => {
    const b = h('button', { type: 'button', 'aria-label': aria, title: aria, ...extra }, label);
    b.addEventListener('click', action);
    return b;
  };
  const toolbar = h(
    'div',
    { class: 'map-toolbar', role: 'toolbar', 'aria-label': 'Map controls' },
    button('−', 'Zoom out', () => apply(scale / ZOOM_STEP)),
    level,
    button('+', 'Zoom in', () => apply(scale * ZOOM_STEP)),
    button('Fit', 'Fit the map to the view', fitToView),
    button(
      'Export SVG',
      `Export SVG: download ${mapFileName(fileName)}`,
      () => downloadSvg(svg, mapFileName(fileName)),
      {
        class: 'primary',
      },
    ),
  );
  viewport.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') apply(scale * ZOOM_STEP);
    else if (e.key === '-' || e.key === '_') apply(scale / ZOOM_STEP);
    else if (e.key === '0') fitToView();
    else return;
    e.preventDefault();
  });
  const hint = h(
    'p',
    { id: hintId, class: 'map-hint' },
    'Scroll to move around; + and − zoom, 0 fits. Hover a box for its full text and line.',
  );

  section.append(toolbar, viewport, hint);
  // Fit once the section is on the page and has a size.
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => {
      if (viewport.isConnected) fitToView();
    });
  }
  return section;
}
