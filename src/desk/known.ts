/**
 * The desk's known-material view: the comparison the case keeps (`soz compare`), laid out with the
 * report's own pure functions (`knownMaterialView`, `knownRows`) in the desk's language, each
 * passage's text split at its difference marks so the page marks them with text nodes only.
 */
import type { ReportLanguage } from '../core/case.js';
import { DIFFERENCE_MARKS } from '../analysis/reuse/marked.js';
import type { CaseWorkspace } from '../case/workspace.js';
import { readComparison } from '../case/records.js';
import { readReview } from '../pipeline/examiner.js';
import { readLabels } from '../pipeline/report.js';
import { knownMaterialView } from '../report/known-view.js';
import { knownRows } from '../report/known-rows.js';
import type { KnownMaterial, TextPart } from './wire.js';

/**
 * A passage's text cut at its difference marks: each `⟦word⟧` (marks kept, so a copy keeps them) is
 * a differing part; an opening mark with no closing one stays plain text, as the report shows it.
 */
export function differenceParts(text: string): TextPart[] {
  const [open, close] = DIFFERENCE_MARKS;
  const parts: TextPart[] = [];
  const plain = (piece: string): void => {
    if (piece === '') return;
    const last = parts[parts.length - 1];
    if (last && !last.differs) parts[parts.length - 1] = { text: last.text + piece, differs: false };
    else parts.push({ text: piece, differs: false });
  };
  let cursor = 0;
  for (;;) {
    const start = text.indexOf(open, cursor);
    const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
    if (end < 0) break;
    plain(text.slice(cursor, start));
    parts.push({ text: text.slice(start, end + close.length), differs: true });
    cursor = end + close.length;
  }
  plain(text.slice(cursor));
  return parts;
}

/** What the case's comparison found, labelled in `language`; `compared: false` when it was never compared. */
export function knownMaterial(workspace: CaseWorkspace, language: ReportLanguage): KnownMaterial {
  const view = knownMaterialView(readComparison(workspace), workspace.evidence(), readReview(workspace));
  if (view === null) return { compared: false };
  const rows = knownRows(view, readLabels(language));
  return {
    compared: true,
    ...rows,
    evidence: rows.evidence.map((evidenceRow, e) => ({
      title: evidenceRow.title,
      items: evidenceRow.items.map((item, i) => ({
        ...item,
        passages: item.passages.map((passage, p) => ({
          // knownRows keeps the view's order, so the n-th row is the n-th passage of the view.
          findingId: view.evidence[e]!.items[i]!.passages[p]!.findingId,
          title: passage.title,
          evidencePlace: passage.evidencePlace,
          libraryPlace: passage.libraryPlace,
          words: passage.words,
          decisionReason: passage.decisionReason,
          evidenceText: differenceParts(passage.evidenceText),
          libraryText: differenceParts(passage.libraryText),
        })),
      })),
    })),
  };
}
