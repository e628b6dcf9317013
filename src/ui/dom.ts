/**
 * A small element builder. Text always goes in through `textContent` (story text is never HTML).
 */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** An element whose whole content is the given text. */
export function text<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  content: string,
  attrs: Attrs = {},
): HTMLElementTagNameMap[K] {
  const el = h(tag, attrs);
  el.textContent = content;
  return el;
}
