/**
 * The concordance's charts in plain SVG (no chart library): where a word occurs in each document
 * and over time. Text on them is text nodes; they read only the concordance's data.
 */
import { svg } from './dom.js';
import { perDocument, perMonth } from './frequency.js';
import type { Concordance } from '../src/desk/wire.js';

/**
 * The dispersion plot in plain SVG: one bar per document, a tick where the word occurs
 * (position / length of the document); a second strip by time when the hits carry dates.
 */
export function dispersionPlot(data: Concordance): SVGElement {
  const width = 640;
  const labelWidth = 200;
  const row = 22;
  const docs = data.dispersion.documents.filter((doc) => data.dispersion.points.some((point) => point.documentId === doc.id));
  const times = data.dispersion.points.map((point) => (point.time ? Date.parse(point.time) : NaN)).filter((time) => !Number.isNaN(time));
  const rows = docs.length + (times.length > 1 ? 1 : 0);
  const plot = svg('svg', { id: 'dispersion', width: width + labelWidth, height: rows * row + 4, viewBox: `0 0 ${width + labelWidth} ${rows * row + 4}`, role: 'img' });
  docs.forEach((doc, index) => {
    const y = index * row + 2;
    const hits = data.dispersion.points.filter((point) => point.documentId === doc.id);
    plot.append(
      svg('text', { x: 0, y: y + 15, class: 'plot-label' }, `${doc.evidenceName.slice(0, 28)} (${hits.length})`),
      svg('rect', { x: labelWidth, y, width, height: row - 4, class: 'plot-bar' }),
      ...hits.map((point) => {
        const x = labelWidth + (doc.length > 0 ? (point.offset / doc.length) * width : 0);
        return svg('line', { x1: x, x2: x, y1: y, y2: y + row - 4, class: 'plot-tick' });
      }),
    );
  });
  if (times.length > 1) {
    const [first, last] = [Math.min(...times), Math.max(...times)];
    const y = docs.length * row + 2;
    plot.append(
      svg('text', { x: 0, y: y + 15, class: 'plot-label' }, `${new Date(first).toISOString().slice(0, 10)} – ${new Date(last).toISOString().slice(0, 10)}`),
      svg('rect', { x: labelWidth, y, width, height: row - 4, class: 'plot-bar time' }),
      ...times.map((time) => {
        const x = labelWidth + (last > first ? ((time - first) / (last - first)) * width : 0);
        return svg('line', { x1: x, x2: x, y1: y, y2: y + row - 4, class: 'plot-tick' });
      }),
    );
  }
  return plot;
}


/** Horizontal bars, one row per item: its name, a bar proportional to `value`, the value written. */
function barChart(id: string, rows: readonly { name: string; value: number; text: string }[]): SVGElement {
  const width = 480;
  const labelWidth = 200;
  const row = 20;
  const most = Math.max(1, ...rows.map((item) => item.value));
  const height = rows.length * row + 4;
  const chart = svg('svg', { id, width: width + labelWidth + 120, height, viewBox: `0 0 ${width + labelWidth + 120} ${height}`, role: 'img' });
  rows.forEach((item, index) => {
    const y = index * row + 2;
    const bar = (item.value / most) * width;
    chart.append(
      svg('text', { x: 0, y: y + 14, class: 'chart-label' }, item.name.slice(0, 28)),
      svg('rect', { x: labelWidth, y, width: bar, height: row - 5, class: 'chart-bar', 'data-value': item.value }),
      svg('text', { x: labelWidth + bar + 4, y: y + 14, class: 'chart-label' }, item.text),
    );
  });
  return chart;
}

/** The word's frequency per document: hits (and per 10,000 characters) for every document of the case. */
export function frequencyPerDocument(data: Concordance): SVGElement {
  return barChart(
    'frequency-documents',
    perDocument(data).map((doc) => ({ name: doc.evidenceName, value: doc.hits, text: `${doc.hits} (${doc.per10k.toFixed(1)} / 10 000)` })),
  );
}

/** The word's frequency per month of the message date, every month from the first to the last; null when no hit has a date. */
export function frequencyOverTime(data: Concordance): SVGElement | null {
  const { months } = perMonth(data);
  return months.length === 0 ? null : barChart('frequency-time', months.map((month) => ({ name: month.month, value: month.hits, text: String(month.hits) })));
}
