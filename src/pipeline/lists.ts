/**
 * `soz lists import CASE FILE`: the lab's list of banned organisations (kept by the lab outside
 * soz, as YAML or CSV) checked and recorded in a case as canonical JSON in one logged commit;
 * `soz analyze` then searches its names and the manifest and report cite its version and date.
 * Read (file) → assemble (pure validation in `analysis/org-list.ts`) → write.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { canonicalJson } from '../core/canonical-json.js';
import { UserError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { CaseFiles } from '../case/layout.js';
import { readCaseJson, readCaseText } from '../case/records.js';
import type { CaseWorkspace, Clock } from '../case/workspace.js';
import { assertReadableFile } from '../case/evidence-store.js';
import type { OrgList, OrgListHeader } from '../analysis/org-list.js';
import { orgListSchema, readOrgListCsv, readOrgListYaml } from '../analysis/org-list.js';

/** Reads and checks a list file (`.yaml`/`.yml` or `.csv`); a problem is a one-line UserError naming the file and row. */
export function readOrgListFile(file: string, header: OrgListHeader): OrgList {
  assertReadableFile(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(file));
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.yaml' && extension !== '.yml') throw new UserError(`${file}: give the list as .yaml or .csv (see README, "The lab's lists")`, 'lists.format', undefined, { key: 'error.list-format', params: { path: file } });
  const read = extension === '.csv' ? readOrgListCsv(file, text, header) : readOrgListYaml(file, text);
  if (read.list === null) throw new UserError(`${read.problems[0]!}${read.problems.length > 1 ? ` (and ${read.problems.length - 1} more)` : ''}`, 'lists.invalid', undefined, { key: 'error.lists.invalid', params: { problem: read.problems[0]!, more: read.problems.length > 1 ? { key: 'error.lists.more', params: { count: read.problems.length - 1 }, fallback: ` (and ${read.problems.length - 1} more)` } : '' } });
  return read.list;
}

/** Records a checked list in the case (replacing an earlier one; the log keeps both). */
export function importOrgList(workspace: CaseWorkspace, file: string, header: OrgListHeader, options: { clock: Clock; actor: string }): { list: OrgList; sha256: string } {
  const list = readOrgListFile(file, header);
  const text = canonicalJson(list, true);
  const hash = sha256(text);
  workspace.commit(
    options.clock,
    { actor: options.actor, action: 'lists.import', inputs: [], outputs: [{ path: CaseFiles.orgList, sha256: hash }], details: { name: list.name, version: list.version, updated: list.updated, entries: list.entries.length, sourceSha256: sha256(readFileSync(file)) } },
    [workspace.stageFile(CaseFiles.orgList, text)],
  );
  return { list, sha256: hash };
}

/** The list recorded in the case with the SHA-256 of its file, or null when none was imported. */
export function readCaseOrgList(workspace: CaseWorkspace): { list: OrgList; sha256: string } | null {
  const raw = readCaseJson(workspace, CaseFiles.orgList, 'org-list');
  const file = readCaseText(workspace, CaseFiles.orgList);
  if (raw === null || file === null) return null;
  const parsed = orgListSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${CaseFiles.orgList}: not a list soz imported (${parsed.error.issues[0]?.message ?? 'invalid'}); import it again with soz lists import`, 'case.corrupt-record', undefined, { key: 'error.lists.not-imported', params: { path: CaseFiles.orgList, detail: parsed.error.issues[0]?.message ?? 'invalid' } });
  return { list: parsed.data, sha256: file.sha256 };
}
