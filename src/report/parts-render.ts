/**
 * Renders a Handlebars template in parts, so a report never exists as one string: the template is
 * parsed once and cut at the statements that iterate a streamed list (`{{#each list}}`,
 * `{{> partial list}}`, inside `{{#if list.length}}`), each part is compiled once, and the lists
 * are handed over chunk by chunk (one document's candidates or excerpts at a time). The parts
 * yield, concatenated, exactly the text one render of the whole template over the whole lists
 * gives, provided no iterated body depends on its position in the list (`@index`, `@first`,
 * `@last`) and a group the body forms (a reviewable unit) never spans two chunks.
 */
import type Handlebars from 'handlebars';
import { canonicalJson } from '../core/canonical-json.js';
import { InternalError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';

type Statement = hbs.AST.Statement;
type Program = hbs.AST.Program;
type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type Render = (context: object) => string;

/** A list given in chunks; each call starts afresh. */
export type ChunkedList = () => Iterable<readonly unknown[]>;

/**
 * A list whose statement was rendered already, chunk by chunk, while the list was made: the text of
 * its non-empty chunks, UTF-8, with blank lines collapsed as {@link collapseBlankLines} collapses
 * them ({@link BlankLines}: no run inside longer than it keeps, at most one more at the end), and
 * how many non-empty chunks there were (none: the statement is rendered once over an empty list).
 */
export interface RenderedList {
  readonly chunks: number;
  readonly text: () => Iterable<Uint8Array>;
}

/**
 * One step of a rendering plan: statements rendered once with the whole context, a statement
 * rendered once per chunk of a list, or an `if` / `unless` on a list's length with a plan per
 * branch. `R` is how a part is held: a render function, or its JavaScript source (precompiled).
 */
type PlanStep<R> =
  | { readonly kind: 'once'; readonly render: R }
  | { readonly kind: 'chunks'; readonly list: string; readonly render: R }
  | { readonly kind: 'branch'; readonly list: string; readonly negate: boolean; readonly then: readonly PlanStep<R>[]; readonly otherwise: readonly PlanStep<R>[] };

type Step = PlanStep<Render>;

/**
 * A template's parts compiled to JavaScript source (Handlebars' precompiled form, what
 * `Handlebars.precompile` writes), with the statements rendered per chunk: JSON, made at the build
 * (`npm run build` keeps it in the data cache) so a report spares Handlebars' parse and compile.
 */
export interface PrecompiledParts {
  readonly statements: Readonly<Record<string, readonly string[]>>;
  readonly plan: readonly PlanStep<string>[];
}

/** Precompiled parts by {@link partsKey}: a template found here under its key is not compiled again. */
export type PrecompiledTemplates = Readonly<Record<string, PrecompiledParts>>;

/** Handlebars' compile options as `compileInParts` takes them. */
export type PartsOptions = NonNullable<CompileOptions>;

/** The parts of Handlebars' compiler that compile an AST as it is (`compile` would run whitespace control on it a second time). */
interface AstCompiler {
  Compiler: new () => { compile(program: Program, options: object): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: object, context?: undefined, asObject?: boolean): unknown };
  template(spec: unknown): Render;
}

/**
 * A template rendered in parts: given the context (each streamed list as a `{ length }` marker) and
 * the lists, yields the text part by part. `statements` holds, by list, the template text of each
 * statement rendered once per chunk: a caller that renders a list's chunks itself (a
 * {@link RenderedList}) checks first that they are the statements it renders.
 */
export interface PartsTemplate {
  (context: Readonly<Record<string, unknown>>, lists: Readonly<Record<string, ChunkedList | RenderedList>>): Generator<string | Uint8Array>;
  readonly statements: Readonly<Record<string, readonly string[]>>;
}

/**
 * The key a template's precompiled parts are kept under: SHA-256 of the template's text, the
 * options and the streamed lists it is compiled with (another text, another key: the parts are
 * compiled afresh).
 */
export function partsKey(template: string, options: PartsOptions, streamed: readonly string[]): string {
  return sha256(canonicalJson({ template, options: { ...options }, streamed: [...streamed] }));
}

/**
 * Compiles `template` on `handlebars` (its helpers registered) into a parts renderer for the
 * named streamed lists; parts precompiled under the template's {@link partsKey} are taken as they
 * are (Handlebars' `template` of their source, as for any precompiled template). A template that
 * uses a streamed list otherwise than by iterating it or testing its length is a broken
 * installation (InternalError naming the list).
 */
export function compileInParts(handlebars: typeof Handlebars, template: string, options: PartsOptions, streamed: readonly string[], precompiled: PrecompiledTemplates = {}): PartsTemplate {
  const key = partsKey(template, options, streamed);
  const compiler = handlebars as unknown as AstCompiler;
  const { statements, plan } = Object.hasOwn(precompiled, key) ? precompiled[key]! : planned(handlebars, template, options, streamed, (environment, settings) => new compiler.JavaScriptCompiler().compile(environment, settings, undefined, true));
  const render = (step: PlanStep<unknown>): Step =>
    step.kind === 'branch' ? { ...step, then: step.then.map(render), otherwise: step.otherwise.map(render) } : { ...step, render: typeof step.render === 'string' ? compiler.template(specOf(step.render)) : compiler.template(step.render) };
  const steps = plan.map(render);
  return Object.assign((context: Readonly<Record<string, unknown>>, lists: Readonly<Record<string, ChunkedList | RenderedList>>) => runPlan(steps, context, lists), { statements });
}

/** {@link compileInParts}'s plan with each part as JavaScript source, for the build's data cache. */
export function precompileInParts(handlebars: typeof Handlebars, template: string, options: PartsOptions, streamed: readonly string[]): PrecompiledParts {
  const compiler = handlebars as unknown as AstCompiler;
  return planned(handlebars, template, options, streamed, (environment, settings) => String(new compiler.JavaScriptCompiler().compile(environment, settings)));
}

/** A precompiled part's source made the object Handlebars' `template` runs (as `Handlebars.template(eval(spec))` does). */
function specOf(source: string): unknown {
  // The source is Handlebars' own output, made by the build from this text and trusted under its key (Handlebars' compile makes its functions the same way).
  return new Function(`return (${source});`)() as unknown;
}

/** The template parsed and cut into its plan, each part compiled by `emit` from Handlebars' compiled environment. */
function planned<R>(handlebars: typeof Handlebars, template: string, options: PartsOptions, streamed: readonly string[], emit: (environment: unknown, settings: object) => R): { statements: Readonly<Record<string, readonly string[]>>; plan: PlanStep<R>[] } {
  const program = handlebars.parse(template);
  // Inline partials are decorators of the whole program: every part carries them, so each finds them.
  const decorators = program.body.filter((statement) => statement.type === 'DecoratorBlock' || statement.type === 'Decorator');
  const compiler = handlebars as unknown as AstCompiler;
  const settings = { data: true, ...options };
  const compile = (body: readonly Statement[]): R => {
    const part: Program = { ...program, body: [...decorators, ...body] };
    return emit(new compiler.Compiler().compile(part, settings), settings);
  };
  const statements: Record<string, string[]> = Object.fromEntries(streamed.map((list) => [list, []]));
  const plan = planOf(program.body.filter((statement) => !decorators.includes(statement)), streamed, compile, (list, statement) => statements[list]!.push(sourceOf(template, statement)));
  return { statements, plan };
}

/** A statement's text as the template writes it (its location: lines from 1, columns from 0). */
function sourceOf(template: string, statement: Statement): string {
  const lineStarts = [0];
  for (let at = template.indexOf('\n'); at !== -1; at = template.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = (place: { line: number; column: number }) => lineStarts[place.line - 1]! + place.column;
  return template.slice(offset(statement.loc.start), offset(statement.loc.end));
}

/** The steps of a statement list: runs of statements that touch no streamed list are rendered together. */
function planOf<R>(body: readonly Statement[], streamed: readonly string[], compile: (body: readonly Statement[]) => R, chunked: (list: string, statement: Statement) => void): PlanStep<R>[] {
  const steps: PlanStep<R>[] = [];
  let run: Statement[] = [];
  const flush = () => {
    if (run.length > 0) steps.push({ kind: 'once', render: compile(run) });
    run = [];
  };
  for (const statement of body) {
    const list = streamed.find((name) => iterates(statement, name));
    if (list === undefined) {
      run.push(statement);
      continue;
    }
    flush();
    const first = firstParam(statement);
    if ((isBlock(statement, 'each') || statement.type === 'PartialStatement') && first === list) {
      chunked(list, statement);
      steps.push({ kind: 'chunks', list, render: compile([statement]) });
    } else if ((isBlock(statement, 'if') || isBlock(statement, 'unless')) && first === `${list}.length`) {
      const block = statement as hbs.AST.BlockStatement;
      steps.push({ kind: 'branch', list, negate: isBlock(statement, 'unless'), then: planOf(block.program.body, streamed, compile, chunked), otherwise: planOf(block.inverse?.body ?? [], streamed, compile, chunked) });
    } else {
      throw new InternalError(`report template: the list "${list}" is rendered in parts; it may only be iterated ({{#each ${list}}}, {{> partial ${list}}}) or tested ({{#if ${list}.length}})`);
    }
  }
  flush();
  return steps;
}

function isBlock(statement: Statement, helper: string): boolean {
  return statement.type === 'BlockStatement' && (statement as hbs.AST.BlockStatement).path.type === 'PathExpression' && ((statement as hbs.AST.BlockStatement).path as hbs.AST.PathExpression).original === helper;
}

/** The first parameter of a block or partial as written (`unreviewed`, `excerpts.length`), if it is a path. */
function firstParam(statement: Statement): string | undefined {
  const params = (statement as { params?: hbs.AST.Expression[] }).params ?? [];
  const first = params[0];
  return first?.type === 'PathExpression' ? (first as hbs.AST.PathExpression).original : undefined;
}

/** Whether a statement refers to the list itself anywhere inside (its `.length` alone does not count). */
function iterates(node: unknown, list: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((item) => iterates(item, list));
  const record = node as Record<string, unknown>;
  if (record['type'] === 'PathExpression') return record['original'] === list && record['data'] !== true;
  return Object.keys(record).some((key) => key !== 'loc' && iterates(record[key], list));
}

/** Runs a plan: the parts in order, each list's chunks rendered one at a time. */
function* runPlan(plan: readonly Step[], context: Readonly<Record<string, unknown>>, lists: Readonly<Record<string, ChunkedList | RenderedList>>): Generator<string | Uint8Array> {
  for (const step of plan) {
    if (step.kind === 'once') {
      yield step.render(context);
    } else if (step.kind === 'chunks') {
      const list = listOf(lists, step.list);
      if (typeof list !== 'function') {
        if (list.chunks > 0) yield* list.text();
        else yield step.render({ ...context, [step.list]: [] });
        continue;
      }
      let rendered = false;
      for (const chunk of list()) {
        if (chunk.length === 0) continue;
        rendered = true;
        yield step.render({ ...context, [step.list]: chunk });
      }
      // An empty list still renders once: its {{else}} branch.
      if (!rendered) yield step.render({ ...context, [step.list]: [] });
    } else {
      const length = (context[step.list] as { length?: unknown } | undefined)?.length;
      const truthy = typeof length === 'number' && length > 0;
      yield* runPlan(truthy !== step.negate ? step.then : step.otherwise, context, lists);
    }
  }
}

function listOf(lists: Readonly<Record<string, ChunkedList | RenderedList>>, name: string): ChunkedList | RenderedList {
  const list = lists[name];
  if (!list) throw new InternalError(`report template: no chunks given for the list "${name}"`);
  return list;
}

/** Whether a chunked list holds anything (reads up to its first non-empty chunk). */
export function hasItems(list: ChunkedList): boolean {
  for (const chunk of list()) if (chunk.length > 0) return true;
  return false;
}

/**
 * Collapses every run of more than `keep` line breaks to `keep`, across parts as if they were one
 * text: a part's trailing line breaks are held for the next part. Text parts are collapsed here;
 * a bytes part must have no run inside longer than `keep` (a {@link RenderedList}'s text), so only
 * its ends meet what is held.
 */
export class BlankLines {
  private readonly runs: RegExp;
  private readonly limit: string;
  private held = 0;

  constructor(private readonly keep: number) {
    this.runs = new RegExp(`\\n{${keep + 1},}`, 'g');
    this.limit = '\n'.repeat(keep);
  }

  /** A text part collapsed, its trailing line breaks held back ('' when it is only line breaks). */
  text(part: string): string {
    const text = '\n'.repeat(this.held) + part;
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 10) end -= 1;
    // At most keep + 1 held breaks behave like any longer run.
    this.held = Math.min(text.length - end, this.keep + 1);
    return end > 0 ? text.slice(0, end).replace(this.runs, this.limit) : '';
  }

  /** A bytes part (collapsed inside): the line breaks before it and its bytes without its trailing ones, held back; null when it is only line breaks. */
  bytes(part: Uint8Array): readonly [string, Uint8Array] | null {
    let start = 0;
    while (start < part.length && part[start] === 10) start += 1;
    if (start === part.length) {
      this.held = Math.min(this.held + start, this.keep + 1);
      return null;
    }
    let end = part.length;
    while (part[end - 1] === 10) end -= 1;
    const before = Math.min(this.held + start, this.keep);
    this.held = Math.min(part.length - end, this.keep + 1);
    return ['\n'.repeat(before), part.subarray(start, end)];
  }

  /** The line breaks held at the end: collapsed (the text ends here), or as held (text that follows will meet them). */
  end(collapsed: boolean): string {
    const held = '\n'.repeat(this.held);
    this.held = 0;
    return collapsed ? held.replace(this.runs, this.limit) : held;
  }
}

/**
 * Collapses every run of more than `keep` line breaks to `keep`, across the parts as if they were
 * one text (the whole-text `replace(/\n{3,}/g, '\n\n')` of a one-pass render, for `keep` 2); see
 * {@link BlankLines} for bytes parts.
 */
export function* collapseBlankLines(parts: Iterable<string | Uint8Array>, keep: number): Generator<string | Uint8Array> {
  const lines = new BlankLines(keep);
  for (const part of parts) {
    if (typeof part === 'string') {
      const text = lines.text(part);
      if (text !== '') yield text;
      continue;
    }
    const cut = lines.bytes(part);
    if (cut === null) continue;
    if (cut[0] !== '') yield cut[0];
    yield cut[1];
  }
  const tail = lines.end(true);
  if (tail !== '') yield tail;
}
