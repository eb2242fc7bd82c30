/**
 * `src/` has no file-level import cycle (runtime imports; `import type` is erased). A cycle such
 * as the former verify ↔ bundle ↔ seal makes module order matter and blurs which file owns what.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export) (?!type\b)[^'"]*?from '(\.{1,2}\/[^']+)'/gmu)].map((match) => resolve(dirname(file), match[1]!.replace(/\.js$/u, '.ts')));
    graph.set(resolve(file), targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as paths relative to src/. */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((path) => relative(SRC, path)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('src/ import graph', () => {
  it('reads the imports of the verify pipeline', () => {
    const graph = importGraph();
    expect(graph.get(resolve(SRC, 'pipeline/verify.ts'))).toContain(resolve(SRC, 'case/bundle-folder.ts'));
  });

  it('has no file-level cycle', () => {
    expect(cycles(importGraph())).toEqual([]);
  });
});
