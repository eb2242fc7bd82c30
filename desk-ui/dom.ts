/**
 * The one way the desk puts anything on the page: elements built with createElement and text
 * as text nodes. There is no innerHTML anywhere in the desk, so evidence text (which may hold
 * markup, scripts or handlers) is always shown as the characters it is.
 */

/** Children of an element: text (always a text node), elements, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes and event handlers of an element; `on…` keys take a listener. */
export type Props = Record<string, string | number | boolean | EventListener | undefined>;

/** An HTML element with attributes, listeners and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setProps(node, props);
  append(node, children);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element (for the dispersion plot); attributes only, text as text nodes. */
export function svg(tag: string, props: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

function setProps(node: HTMLElement, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'value' && 'value' in node) (node as HTMLInputElement).value = String(value);
    else if (name === 'checked' && node instanceof HTMLInputElement) node.checked = value === true;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `node`. */
export function replace(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  append(node, children);
}

/** Text with `[start, end)` marked: text nodes around a `<mark>` holding the text node of the match. */
export function marked(text: string, start: number, end: number, markProps: Props = {}): Node[] {
  return [document.createTextNode(text.slice(0, start)), el('mark', markProps, text.slice(start, end)), document.createTextNode(text.slice(end))];
}

/** `{name}` placeholders of a label filled with values. */
export function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
