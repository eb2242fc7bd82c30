import type { CaseMetadata, EvidenceRecord, RunManifest } from '../core/case.js';
import type { SozDocument, Notice } from '../core/document.js';
import type { LanguageOverview } from '../analysis/language-overview.js';

/** Everything a report shows, assembled without I/O from the case's records. */
export interface ReportModel {
  readonly case: CaseMetadata;
  readonly tool: { readonly version: string; readonly node: string };
  readonly evidence: readonly EvidenceRecord[];
  readonly documents: readonly {
    readonly id: string;
    readonly evidenceName: string;
    readonly format: string;
    readonly segments: number;
    readonly sha256: string;
    readonly properties: readonly { readonly key: string; readonly value: string }[];
    readonly notices: readonly Notice[];
  }[];
  readonly overview: LanguageOverview;
  readonly manifestSha256: string;
  readonly manifest: RunManifest;
}

/** Inputs of `assembleReport`: the records as read from the case folder. */
export interface ReportInputs {
  readonly metadata: CaseMetadata;
  readonly evidence: readonly EvidenceRecord[];
  readonly documents: readonly { readonly doc: SozDocument; readonly sha256: string }[];
  readonly overview: LanguageOverview;
  readonly manifest: RunManifest;
  readonly manifestSha256: string;
}

/** Builds the report model; pure, so the same records always give the same report. */
export function assembleReport(inputs: ReportInputs): ReportModel {
  return {
    case: inputs.metadata,
    tool: { version: inputs.manifest.tool.version, node: inputs.manifest.runtime.node },
    evidence: inputs.evidence,
    documents: inputs.documents.map(({ doc, sha256 }) => ({
      id: doc.id,
      evidenceName: doc.evidenceName,
      format: doc.format,
      segments: doc.segments.length,
      sha256,
      properties: Object.keys(doc.properties)
        .sort()
        .map((key) => ({ key, value: String(doc.properties[key]) })),
      notices: doc.notices,
    })),
    overview: inputs.overview,
    manifestSha256: inputs.manifestSha256,
    manifest: inputs.manifest,
  };
}
