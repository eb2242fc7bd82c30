/**
 * What part of the material the analyses covered: the examiner's selection (author, role, dates)
 * and how many segments each criterion left out, so the report states what was not looked at.
 */
import type { LabelKey } from './labels.js';

export interface SelectionView {
  /** `author=…; role=…; since=…; until=…` as given on the command line; empty when none. */
  readonly filterText: string;
  readonly considered: number;
  readonly kept: number;
  readonly byAuthor: number;
  readonly byRole: number;
  readonly outsideDates: number;
  /** Segments without a usable time, left out because a date range was given. */
  readonly unknownTime: number;
}

interface SelectionParameters {
  readonly filter?: { authors?: string[]; roles?: string[]; since?: string; until?: string };
  readonly selection?: { considered?: number; kept?: number; byAuthor?: number; byRole?: number; outsideDates?: number; unknownTime?: number };
}

/** Reads the selection an analysis recorded in its parameters; null when it recorded none. */
export function selectionView(parameters: Readonly<Record<string, unknown>> | undefined): SelectionView | null {
  const { filter = {}, selection } = (parameters ?? {}) as SelectionParameters;
  if (!selection) return null;
  const parts = [
    ...(filter.authors ?? []).map((author) => `author=${author}`),
    ...(filter.roles ?? []).map((role) => `role=${role}`),
    ...(filter.since ? [`since=${filter.since}`] : []),
    ...(filter.until ? [`until=${filter.until}`] : []),
  ];
  return {
    filterText: parts.join('; '),
    considered: selection.considered ?? 0,
    kept: selection.kept ?? 0,
    byAuthor: selection.byAuthor ?? 0,
    byRole: selection.byRole ?? 0,
    outsideDates: selection.outsideDates ?? 0,
    unknownTime: selection.unknownTime ?? 0,
  };
}

/** One sentence for renderers that build text in code (PDF, DOCX); `t` looks up a label. */
export function selectionSentence(view: SelectionView, t: (key: LabelKey) => string): string {
  const scope = view.filterText === '' ? t('selectionNone') : view.filterText;
  return `${t('selectionLabel')}: ${scope}. ${t('selectionKept')} ${view.kept} / ${view.considered}; ${t('selectionLeftOut')}: ${t('byAuthor')} ${view.byAuthor}, ${t('byRole')} ${view.byRole}, ${t('outsideDates')} ${view.outsideDates} (${t('unknownTime')} ${view.unknownTime}).`;
}
