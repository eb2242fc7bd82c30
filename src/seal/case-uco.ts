/**
 * The custody log as CASE/UCO JSON-LD (CASE 1.x vocabulary): every log entry becomes an
 * investigative action with performer, instrument (soz and its version), object and result,
 * plus a provenance record of what it produced; every file is a `uco-observable:File` with its
 * hashes; outputs are linked to inputs by `Derived_From` relationships. Pure and deterministic:
 * `@id`s come from hashes, nodes appear in log order.
 */
import type { CaseMetadata, EvidenceRecord, HashedFile, LogEntry } from '../core/case.js';
import { sha256 } from '../core/hash.js';

/** The order and the examiner in English (this export's language), leaving out what the case does not record. */
function investigationDescription(metadata: CaseMetadata): string {
  const by = metadata.orderingBody === null ? [] : [`by ${metadata.orderingBody}`];
  const on = metadata.orderDate === null ? [] : [`on ${metadata.orderDate}`];
  const ordered = by.length + on.length === 0 ? null : ['ordered', ...by, ...on].join(' ');
  const examiner = metadata.examiner === null ? null : `examiner ${metadata.examiner}`;
  return [ordered, examiner].filter((part) => part !== null).join('; ') || 'order and examiner not recorded';
}

/** JSON-LD context: the CASE/UCO namespaces used, and `kb:` for this case's nodes. */
export const CASE_UCO_CONTEXT = {
  kb: 'urn:soz:kb:',
  'case-investigation': 'https://ontology.caseontology.org/case/investigation/',
  'uco-action': 'https://ontology.unifiedcyberontology.org/uco/action/',
  'uco-core': 'https://ontology.unifiedcyberontology.org/uco/core/',
  'uco-identity': 'https://ontology.unifiedcyberontology.org/uco/identity/',
  'uco-observable': 'https://ontology.unifiedcyberontology.org/uco/observable/',
  'uco-tool': 'https://ontology.unifiedcyberontology.org/uco/tool/',
  'uco-types': 'https://ontology.unifiedcyberontology.org/uco/types/',
  'uco-vocabulary': 'https://ontology.unifiedcyberontology.org/uco/vocabulary/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** One JSON-LD node of the graph. */
export type JsonLdNode = { readonly '@id': string; readonly '@type': string } & Readonly<Record<string, unknown>>;

/** The exported document. */
export interface CaseUcoDocument {
  readonly '@context': typeof CASE_UCO_CONTEXT;
  readonly '@graph': readonly JsonLdNode[];
}

/** What the export needs from the case. */
export interface CaseUcoInputs {
  readonly metadata: CaseMetadata;
  /** SHA-256 of case.json, naming the investigation node. */
  readonly caseSha256: string;
  readonly log: readonly LogEntry[];
  readonly evidence: readonly EvidenceRecord[];
  /** Version of soz recorded for the case (manifest), else the installed one. */
  readonly toolVersion: string;
}

const ref = (id: string) => ({ '@id': id });
const short = (text: string) => sha256(text).slice(0, 32);

/** `@id` of a file node: its content hash. */
export function fileId(sha: string): string {
  return `kb:file-${sha}`;
}

/** Builds the CASE/UCO graph from the case's log. */
export function caseUcoDocument(inputs: CaseUcoInputs): CaseUcoDocument {
  const { metadata, log, evidence, toolVersion } = inputs;
  const nodes = new Map<string, JsonLdNode>();
  const add = (node: JsonLdNode) => {
    if (!nodes.has(node['@id'])) nodes.set(node['@id'], node);
    return node['@id'];
  };
  const evidenceByHash = new Map(evidence.map((record) => [record.sha256, record]));

  const hashNode = (method: 'SHA256' | 'MD5', value: string) =>
    add({
      '@id': `kb:hash-${method.toLowerCase()}-${value}`,
      '@type': 'uco-types:Hash',
      'uco-types:hashMethod': { '@type': 'uco-vocabulary:HashNameVocab', '@value': method },
      'uco-types:hashValue': { '@type': 'xsd:hexBinary', '@value': value },
    });

  const fileNode = (id: string, sha: string, name: string, extra: { md5?: string; size?: number; mediaType?: string } = {}) => {
    if (nodes.has(id)) return id;
    const key = id.slice(3);
    const hashes = [hashNode('SHA256', sha), ...(extra.md5 ? [hashNode('MD5', extra.md5)] : [])];
    return add({
      '@id': id,
      '@type': 'uco-observable:File',
      'uco-core:hasFacet': [
        {
          '@id': `kb:file-facet-${key}`,
          '@type': 'uco-observable:FileFacet',
          'uco-observable:fileName': name,
          ...(extra.size === undefined ? {} : { 'uco-observable:sizeInBytes': { '@type': 'xsd:integer', '@value': String(extra.size) } }),
        },
        {
          '@id': `kb:content-data-facet-${key}`,
          '@type': 'uco-observable:ContentDataFacet',
          'uco-observable:hash': hashes.map(ref),
          ...(extra.mediaType ? { 'uco-observable:mimeType': extra.mediaType } : {}),
          ...(extra.size === undefined ? {} : { 'uco-observable:sizeInBytes': { '@type': 'xsd:integer', '@value': String(extra.size) } }),
        },
      ],
    });
  };
  const caseFile = (file: HashedFile) => {
    const record = evidenceByHash.get(file.sha256);
    return fileNode(fileId(file.sha256), file.sha256, file.path, record ? { md5: record.md5, size: record.size, mediaType: record.mediaType } : {});
  };
  const relationship = (source: string, target: string, kind: string) =>
    add({
      '@id': `kb:relationship-${short(`${kind}|${source}|${target}`)}`,
      '@type': 'uco-core:Relationship',
      'uco-core:source': ref(source),
      'uco-core:target': [ref(target)],
      'uco-core:kindOfRelationship': kind,
      'uco-core:isDirectional': true,
    });

  const tool = add({
    '@id': `kb:tool-soz-${toolVersion}`,
    '@type': 'uco-tool:Tool',
    'uco-core:name': 'soz',
    'uco-tool:version': toolVersion,
    'uco-tool:toolType': 'forensic linguistic analysis',
  });
  const investigationId = `kb:investigation-${inputs.caseSha256}`;
  const actionIds: string[] = [];
  const recordIds: string[] = [];

  for (const entry of log) {
    const performer = add({ '@id': `kb:identity-${short(entry.actor)}`, '@type': 'uco-identity:Identity', 'uco-core:name': entry.actor });
    const outputs = (entry.outputs ?? []).map(caseFile);
    let objects = (entry.inputs ?? []).map(caseFile);
    if (entry.action === 'evidence.add') {
      const record = entry.details['evidence'] as EvidenceRecord | undefined;
      if (record) {
        const seized = fileNode(`kb:seized-file-${record.sha256}`, record.sha256, record.originalName, { md5: record.md5, size: record.size, mediaType: record.mediaType });
        objects = [seized];
        for (const output of outputs) relationship(output, seized, 'Derived_From');
      }
    }
    if (objects.length === 0) objects = [investigationId];
    const recordId = `kb:provenance-record-${entry.hash}`;
    add({
      '@id': recordId,
      '@type': 'case-investigation:ProvenanceRecord',
      'case-investigation:exhibitNumber': metadata.caseNumber === null ? `log ${entry.seq}` : `${metadata.caseNumber} / log ${entry.seq}`,
      'uco-core:description': `what "${entry.action}" produced (log entry ${entry.seq})`,
      'uco-core:object': outputs.map(ref),
    });
    recordIds.push(recordId);
    const actionId = `kb:action-${entry.hash}`;
    add({
      '@id': actionId,
      '@type': 'case-investigation:InvestigativeAction',
      'uco-core:name': entry.action,
      'uco-core:description': `soz log entry ${entry.seq}, hash ${entry.hash}, previous ${entry.previousHash}`,
      'uco-action:startTime': { '@type': 'xsd:dateTime', '@value': entry.time },
      'uco-action:performer': ref(performer),
      'uco-action:instrument': ref(tool),
      'uco-action:object': objects.map(ref),
      'uco-action:result': [...outputs, recordId].map(ref),
    });
    actionIds.push(actionId);
    if (entry.action !== 'evidence.add') {
      for (const output of outputs) for (const input of entry.inputs ?? []) relationship(output, fileId(input.sha256), 'Derived_From');
    }
  }

  const investigation: JsonLdNode = {
    '@id': investigationId,
    '@type': 'case-investigation:Investigation',
    ...(metadata.caseNumber === null ? {} : { 'uco-core:name': metadata.caseNumber }),
    'case-investigation:focus': 'forensic linguistic expertise',
    'uco-core:description': investigationDescription(metadata),
    'uco-core:object': [...actionIds, ...recordIds].map(ref),
  };
  return { '@context': CASE_UCO_CONTEXT, '@graph': [investigation, ...nodes.values()] };
}

/**
 * Structural problems of an export, as lines; empty when sound: every node (including nested
 * facets) has `@id` and `@type`, every referenced `@id` is defined, every action has performer,
 * instrument, object and result, every file has a SHA-256 hash.
 */
export function caseUcoProblems(document: CaseUcoDocument): string[] {
  const problems: string[] = [];
  const defined = new Set<string>();
  const references: { from: string; id: string }[] = [];
  const visit = (value: unknown, owner: string, top: boolean) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, owner, false));
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const id = node['@id'];
    const keys = Object.keys(node);
    if (typeof id === 'string' && keys.length === 1) {
      references.push({ from: owner, id });
      return;
    }
    if ('@value' in node) return;
    if (typeof id !== 'string' || typeof node['@type'] !== 'string') problems.push(`${owner}: a node${top ? '' : ' inside it'} lacks @id or @type`);
    if (typeof id === 'string') {
      if (defined.has(id)) problems.push(`${id}: defined twice`);
      defined.add(id);
    }
    for (const key of keys) if (!key.startsWith('@')) visit(node[key], typeof id === 'string' ? id : owner, false);
  };
  for (const node of document['@graph']) visit(node, String(node['@id']), true);
  for (const { from, id } of references) if (!defined.has(id)) problems.push(`${from}: refers to ${id}, which is not defined`);
  const byId = new Map(document['@graph'].map((node) => [node['@id'], node]));
  for (const node of document['@graph']) {
    if (node['@type'] === 'case-investigation:InvestigativeAction' || node['@type'] === 'uco-action:Action') {
      for (const property of ['uco-action:performer', 'uco-action:instrument', 'uco-action:object', 'uco-action:result', 'uco-action:startTime']) {
        const value = node[property];
        if (value === undefined || (Array.isArray(value) && value.length === 0)) problems.push(`${node['@id']}: no ${property}`);
      }
      const instrument = byId.get((node['uco-action:instrument'] as { '@id': string } | undefined)?.['@id'] ?? '');
      if (!instrument || typeof instrument['uco-core:name'] !== 'string' || typeof instrument['uco-tool:version'] !== 'string') problems.push(`${node['@id']}: instrument without tool name and version`);
    }
    if (node['@type'] === 'uco-observable:File') {
      const facets = (node['uco-core:hasFacet'] as Record<string, unknown>[] | undefined) ?? [];
      const content = facets.find((facet) => facet['@type'] === 'uco-observable:ContentDataFacet');
      const hashes = ((content?.['uco-observable:hash'] as { '@id': string }[] | undefined) ?? []).map((item) => byId.get(item['@id']));
      const sha = hashes.find((hash) => (hash?.['uco-types:hashMethod'] as { '@value'?: string } | undefined)?.['@value'] === 'SHA256');
      if (!sha || !/^[0-9a-f]{64}$/.test(String((sha['uco-types:hashValue'] as { '@value'?: string } | undefined)?.['@value']))) problems.push(`${node['@id']}: no SHA-256 hash facet`);
    }
  }
  return problems;
}
