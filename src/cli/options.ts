import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { MessageRole } from '../core/document.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { DATE_PROBLEMS, isoDateTimeProblemKind } from '../core/calendar.js';
import type { SelectionFilter } from '../analysis/index.js';
import type { AnalysisWorkerLimits } from '../analysis/heap-limit.js';
import { DEFAULT_ANALYSIS_HEAP_MB } from '../analysis/heap-limit.js';
import { InvalidArgumentError } from 'commander';
import type { Limits } from '../ingest/adapter.js';
import { DEFAULT_LIMITS } from '../ingest/adapter.js';

const LIMIT_FLAGS: readonly { key: keyof Limits; flag: string; description: string }[] = [
  { key: 'maxFileBytes', flag: '--max-file-bytes <n>', description: 'largest evidence file, bytes' },
  { key: 'maxInMemoryBytes', flag: '--max-in-memory-bytes <n>', description: 'largest file read whole into memory, bytes' },
  { key: 'maxDecompressedBytes', flag: '--max-decompressed-bytes <n>', description: 'largest total unpacked from one container, bytes' },
  { key: 'maxCompressionRatio', flag: '--max-compression-ratio <n>', description: 'largest unpacked/packed ratio of a container entry' },
  { key: 'maxDepth', flag: '--max-depth <n>', description: 'deepest nesting in JSON, HTML or XML' },
  { key: 'maxSegments', flag: '--max-segments <n>', description: 'most segments in one document' },
  { key: 'maxDocuments', flag: '--max-documents <n>', description: 'most documents (chats, chat parts, archive entries) from one evidence file' },
  { key: 'maxSegmentChars', flag: '--max-segment-chars <n>', description: 'longest text of one segment (message, paragraph, page), UTF-16 code units' },
  { key: 'maxPdfSeconds', flag: '--max-pdf-seconds <n>', description: 'longest time reading one PDF, seconds' },
  { key: 'maxPdfMemoryMb', flag: '--max-pdf-memory-mb <n>', description: 'largest memory for reading one PDF, MiB' },
];

/** Commander parser of a flag that takes a positive whole number. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

/** Adds the limit flags (with their defaults) to a command. */
export function withLimitOptions(command: Command): Command {
  for (const { key, flag, description } of LIMIT_FLAGS) command.option(flag, `${description} (default ${DEFAULT_LIMITS[key]})`, positiveInteger);
  return command;
}

/** The limits a command was given, defaults filled in. */
export function limitsFrom(options: Partial<Record<keyof Limits, number>>): Limits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const { key } of LIMIT_FLAGS) if (options[key] !== undefined) limits[key] = options[key];
  return limits as unknown as Limits;
}

const ROLES: readonly MessageRole[] = ['authored', 'forwarded', 'reply', 'service', 'reaction', 'deleted', 'media-only', 'uninterpreted'];

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the analysis selection flags (author, role, dates, reference corpus, queries). */
export function withAnalysisOptions(command: Command): Command {
  return command
    .option('--author <name>', 'only messages/parts by this author (repeatable)', collect)
    .option('--role <role>', `only messages with this role (repeatable): ${ROLES.join(', ')}`, collect)
    .option('--since <date>', 'only messages at or after this ISO date/time')
    .option('--until <date>', 'only messages before this ISO date/time (a date includes that day)')
    .option('--reference <dir>', 'reference corpus folder for keyness and profile comparison')
    .option('--query <word>', 'word for concordance (KWIC) and collocates (repeatable)', collect)
    .option('--lemma', 'lemma-aware corpus tools')
    .option('--standalone-features', 'keep bare us/them pronouns as candidates of their own (as before indicators 2.0)')
    .option(...WORKERS_OPTION)
    .option(...MAX_HEAP_OPTION);
}

/** `--workers`: the threads that run the analyses (analyze, run, and verify's re-run). */
export const WORKERS_OPTION = ['--workers <n>', 'threads that run the analyses (default: one per core, at most 2; 1 = in the calling thread); the results are the same bytes', positiveInteger] as const;
/** `--max-heap-mb`: the heap limit of each analysis thread (analyze, run, and verify's re-run). */
export const MAX_HEAP_OPTION = ['--max-heap-mb <n>', `heap limit of each analysis thread, MiB (default ${DEFAULT_ANALYSIS_HEAP_MB}); past it the run stops with an error and the case is unchanged`, positiveInteger] as const;

export interface AnalysisFlags {
  author?: string[];
  role?: string[];
  since?: string;
  until?: string;
  reference?: string;
  query?: string[];
  lemma?: boolean;
  standaloneFeatures?: boolean;
  workers?: number;
  maxHeapMb?: number;
}

/** The analysis options a command was given, validated. */
export function analysisFrom(flags: AnalysisFlags): { filter?: SelectionFilter; referenceFiles?: string[]; queries?: string[]; lemma?: boolean; standaloneFeatures?: boolean; workers?: number; workerLimits?: AnalysisWorkerLimits } {
  for (const role of flags.role ?? []) {
    if (!ROLES.includes(role as MessageRole)) throw new UserError(`--role ${role}: unknown role; use one of ${ROLES.join(', ')}`, 'usage.role', undefined, { key: 'error.role', params: { value: role, roles: ROLES.join(', ') } });
  }
  for (const [flag, value] of [['--since', flags.since], ['--until', flags.until]] as const) {
    const problem = value === undefined ? null : isoDateTimeProblemKind(value);
    if (problem !== null) throw new UserError(`${flag} ${value}: ${DATE_PROBLEMS[problem]}`, 'usage.date', undefined, { key: 'error.usage.date', params: { flag, value: value ?? '', problem: { key: `error.date.${problem}`, params: {}, fallback: DATE_PROBLEMS[problem] } } });
  }
  const filter: SelectionFilter = {
    ...(flags.author ? { authors: flags.author } : {}),
    ...(flags.role ? { roles: flags.role as MessageRole[] } : {}),
    ...(flags.since ? { since: flags.since } : {}),
    ...(flags.until ? { until: flags.until } : {}),
  };
  return {
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    ...(flags.reference !== undefined ? { referenceFiles: referenceFiles(flags.reference) } : {}),
    ...(flags.query ? { queries: flags.query } : {}),
    ...(flags.lemma ? { lemma: true } : {}),
    ...(flags.standaloneFeatures ? { standaloneFeatures: true } : {}),
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    ...(flags.maxHeapMb !== undefined ? { workerLimits: { heapMb: flags.maxHeapMb } } : {}),
  };
}

/** Every file below a `--reference` folder, in code-unit order of the names; an empty or missing folder is a `UserError`. */
export function referenceFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--reference ${dir}: not a folder; give the folder holding the reference texts`, 'usage.reference', undefined, { key: 'error.reference-not-folder', params: { path: dir } });
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(dir);
  if (files.length === 0) throw new UserError(`--reference ${dir}: the folder holds no files`, 'usage.reference', undefined, { key: 'error.reference-empty', params: { path: dir } });
  return files;
}
