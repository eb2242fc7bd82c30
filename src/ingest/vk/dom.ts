import type { AnyNode, Element } from 'domhandler';

/** True when `node` is an element whose class list contains `name`. */
export function hasClass(node: AnyNode, name: string): node is Element {
  return isElement(node) && (node.attribs['class'] ?? '').split(/\s+/u).includes(name);
}

/** Narrows a DOM node to an element. */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Every element under `root` (document order) that passes `test`; iterative, so depth is no risk. */
export function findAll(root: AnyNode, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElement(node) && test(node)) found.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return found;
}

/** Deepest element nesting under `root`. */
export function maxDepth(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (depth > deepest) deepest = depth;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** What `textOf` found besides text: images without alt text (their text, if any, needs OCR). */
export interface TextTally {
  imagesWithoutAlt: number;
}

/**
 * Visible text under `root`: text nodes in order, `<br>` as a line break, an image as its alt text
 * (VK pages draw emoji as images whose alt is the character), elements for which `skip` is true
 * left out. Images without alt text are counted in `tally` when one is given. Iterative.
 */
export function textOf(root: AnyNode, skip: (el: Element) => boolean = () => false, tally?: TextTally): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') parts.push(node.data);
    else if (isElement(node)) {
      if (node !== root && skip(node)) continue;
      if (node.name === 'br') parts.push('\n');
      if (node.name === 'img') {
        const alt = node.attribs['alt'] ?? '';
        if (alt.trim() !== '') parts.push(alt);
        else if (tally) tally.imagesWithoutAlt += 1;
      }
      if (node.name === 'script' || node.name === 'style') continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return parts.join('');
}
