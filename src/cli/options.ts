import type { Command } from 'commander';
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
];

function positiveInteger(value: string): number {
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
