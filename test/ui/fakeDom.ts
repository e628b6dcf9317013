/**
 * Just enough of a DOM for screens built with `h`/`text` (src/ui/dom.ts) to render in Node: elements
 * (HTML and SVG) with attributes, classes and children, text nodes and textContent. No layout, no
 * events beyond recording listeners, no selectors beyond the finders below.
 */

export class FakeText {
  constructor(public data: string) {}
  get textContent(): string {
    return this.data;
  }
}

export class FakeElement {
  readonly attributes = new Map<string, string>();
  children: (FakeElement | FakeText)[] = [];
  readonly listeners = new Map<string, unknown[]>();
  /** Form fields' value and the `hidden` flag: plain properties, as screens set them. */
  value = '';
  hidden = false;

  constructor(readonly tagName: string) {}

  /** A table section's rows (`HTMLTableSectionElement.rows`). */
  get rows(): FakeElement[] {
    return this.children.filter((c): c is FakeElement => c instanceof FakeElement && c.tagName === 'tr');
  }

  get className(): string {
    return this.attributes.get('class') ?? '';
  }
  set className(value: string) {
    this.attributes.set('class', value);
  }
  get classes(): string[] {
    return this.className.split(/\s+/).filter(Boolean);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  append(...nodes: (FakeElement | FakeText | string)[]): void {
    for (const n of nodes) this.children.push(typeof n === 'string' ? new FakeText(n) : n);
  }
  get textContent(): string {
    return this.children.map((c) => c.textContent).join('');
  }
  set textContent(value: string) {
    this.children = value === '' ? [] : [new FakeText(value)];
  }
  addEventListener(type: string, listener: unknown): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  focus(): void {}

  /** Every element below this one (depth first, document order) that has the class. */
  all(className: string): FakeElement[] {
    const found: FakeElement[] = [];
    const walk = (el: FakeElement) => {
      for (const c of el.children) {
        if (!(c instanceof FakeElement)) continue;
        if (c.classes.includes(className)) found.push(c);
        walk(c);
      }
    };
    walk(this);
    return found;
  }
  /** The first element below this one with the class; throws when there is none. */
  one(className: string): FakeElement {
    const el = this.all(className)[0];
    if (!el) throw new Error(`no .${className}`);
    return el;
  }
}

/** Installs the fake `document` for the duration of `render` and returns what it built. */
export function withFakeDom<T>(render: () => T): T {
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = {
    createElement: (tag: string) => new FakeElement(tag),
    createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
    createTextNode: (data: string) => new FakeText(data),
  };
  try {
    return render();
  } finally {
    g.document = before;
  }
}
