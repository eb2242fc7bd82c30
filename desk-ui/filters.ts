/** The candidate list's filters: pure functions over the candidates, so counts and lists always agree. */
import type { Candidate } from '../src/desk/wire.js';

/** The fields the examiner filters by. */
export const FILTER_KEYS = ['status', 'category', 'author', 'originalAuthor', 'voice', 'countervailing', 'document'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Chosen value per filter (a missing key shows all), and the date range: `dateFrom`/`dateTo`
 * (YYYY-MM-DD, inclusive) on the date of the candidate's message. A candidate without a date is
 * outside no range: it stays in the list, marked, unless the examiner hides the undated
 * (`hideUndated`); either way `undatedCount` counts them.
 */
export type Filters = Partial<Record<FilterKey, string>> & { dateFrom?: string; dateTo?: string; hideUndated?: boolean };

/** The values a candidate has for a filter (a candidate has several counter-indicators). */
export function valuesOf(candidate: Candidate, key: FilterKey): string[] {
  const finding = candidate.finding;
  switch (key) {
    case 'status':
      return [candidate.status];
    case 'category':
      return [finding.category];
    case 'author':
      return [finding.author ?? '—'];
    case 'originalAuthor':
      return [finding.originalAuthor ?? '—'];
    case 'voice':
      return [candidate.examinerVoice ?? finding.voice];
    case 'countervailing':
      return finding.countervailing.length > 0 ? [...finding.countervailing] : ['—'];
    case 'document':
      return [finding.place.evidenceName];
  }
}

/** Whether a candidate's date lies in the range (an undated one does unless hidden). */
function inDateRange(candidate: Candidate, filters: Filters): boolean {
  if (candidate.date === undefined) return filters.hideUndated !== true;
  const day = candidate.date.slice(0, 10);
  return (filters.dateFrom === undefined || day >= filters.dateFrom) && (filters.dateTo === undefined || day <= filters.dateTo);
}

/** Candidates that match every chosen filter and the date range, in the list's order. */
export function applyFilters(candidates: readonly Candidate[], filters: Filters): Candidate[] {
  return candidates.filter((candidate) => FILTER_KEYS.every((key) => filters[key] === undefined || valuesOf(candidate, key).includes(filters[key]!)) && inDateRange(candidate, filters));
}

/** How many candidates the other filters let through that have no date (shown or hidden by the date filter). */
export function undatedCount(candidates: readonly Candidate[], filters: Filters): number {
  return applyFilters(candidates, { ...filters, hideUndated: false }).filter((candidate) => candidate.date === undefined).length;
}

/**
 * The values of one filter with how many candidates each would show, given the other filters:
 * the counts beside each option.
 */
export function optionCounts(candidates: readonly Candidate[], filters: Filters, key: FilterKey): [string, number][] {
  const { [key]: _own, ...others } = filters;
  const counts = new Map<string, number>();
  for (const candidate of applyFilters(candidates, others)) for (const value of new Set(valuesOf(candidate, key))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
