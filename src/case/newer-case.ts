/**
 * A case folder written by a newer soz than the one running: its `case.json` format or the soz
 * version its manifest records is greater. Such a case is refused before anything reads or
 * changes it, so an older soz never misreads or rewrites a newer record.
 */
import { readFileSync } from 'node:fs';
import { CASE_SCHEMA } from '../core/case.js';
import { UserError } from '../core/errors.js';
import { compareVersions } from '../core/version.js';
import { CaseFiles, casePath } from './layout.js';

/** The number in a `soz.case/N` format name, or null for anything else. */
function formatNumber(schema: unknown): number | null {
  const match = typeof schema === 'string' ? /^soz\.case\/(\d+)$/.exec(schema) : null;
  return match ? Number(match[1]) : null;
}

/** A JSON file of the case as parsed, or undefined when it is missing or not JSON (other checks name that). */
function jsonIn(dir: string, relative: string): unknown {
  try {
    return JSON.parse(readFileSync(casePath(dir, relative), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The refusal of a case made by a newer soz, naming its version and this one's; null when this
 * soz can read it (or `dir` is no case: the command itself says so).
 */
export function newerCaseError(dir: string, thisVersion: string): UserError | null {
  const metadata = jsonIn(dir, CaseFiles.metadata) as { schema?: unknown } | undefined;
  const format = formatNumber(metadata?.schema);
  const ours = formatNumber(CASE_SCHEMA)!;
  if (format !== null && format > ours) {
    const format = String(metadata!.schema);
    return new UserError(`${dir}: made by a newer soz (case format ${format}); this is soz ${thisVersion}, which reads ${CASE_SCHEMA} — use the soz version that made the case`, 'case.newer-soz', undefined, {
      key: 'error.case.newer-format',
      params: { dir, format, thisVersion, reads: CASE_SCHEMA },
    });
  }
  const manifest = jsonIn(dir, CaseFiles.manifest) as { tool?: { version?: unknown } } | undefined;
  const made = manifest?.tool?.version;
  if (typeof made === 'string' && compareVersions(made, thisVersion) > 0) {
    return new UserError(`${dir}: made by a newer soz (soz ${made}, recorded in ${CaseFiles.manifest}); this is soz ${thisVersion} — use soz ${made} or later`, 'case.newer-soz', undefined, {
      key: 'error.case.newer-version',
      params: { dir, made, manifest: CaseFiles.manifest, thisVersion },
    });
  }
  return null;
}
