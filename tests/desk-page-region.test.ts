import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseWorkspace } from '../src/case/workspace.js';
import { readDerivedDocuments } from '../src/case/records.js';
import type { Desk } from '../src/desk/server.js';
import { startDesk } from '../src/desk/server.js';
import type { PageRegion } from '../src/desk/wire.js';
import { FIXED_DATE, pdfkitPdf } from './support/pdf-fixtures.js';
import { snapshotTree, soz, tempDir } from './support/cli.js';

// A candidate on a PDF page with a text layer, on the page: the desk reads the page's text items
// again from the evidence copy and boxes the candidate's words (tests/desk-browser.test.ts shows
// them in Chromium). PDFs made here with pdfkit, fictional words at known places.

const HAVE_POPPLER = !spawnSync('pdftoppm', ['-v']).error;
const clock = () => new Date('2026-03-12T10:00:00Z');
let dir: string;
let desk: Desk;
const added: Record<string, string> = {};

/** Word, page, and where pdfkit writes it (points from the top-left corner, 20 pt). */
const LEAFLET = [
  { text: 'Учебная листовка', page: 1, x: 72, y: 90 },
  { text: 'вымышленный призыв', page: 2, x: 300, y: 500 },
] as const;
/** The leaflet again, as a ZIP member and as a PDF's attachment. */
const NESTED = [
  ['seized.zip', 'docs/leaflet.pdf'],
  ['carrier.pdf', 'attachment.1/leaflet.pdf'],
] as const;

async function get(path: string): Promise<{ status: number; type: string; body: Buffer }> {
  const response = await fetch(`http://127.0.0.1:${desk.port}${path}`, { headers: { 'X-Soz-Token': desk.token } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}
const region = async (findingId: string) => JSON.parse((await get(`/api/page-region?finding=${findingId}`)).body.toString('utf8')) as PageRegion;

/** Adds an examiner's finding on `text` in the document of `name` (at `entry` inside it), the first occurrence. */
async function addOn(name: string, text: string, entry?: string): Promise<string> {
  const doc = readDerivedDocuments(CaseWorkspace.open(dir)).find((candidate) => candidate.evidenceName === name && candidate.entry === entry)!;
  const start = doc.text.indexOf(text);
  expect(start, `${text} in ${name}`).toBeGreaterThanOrEqual(0);
  const result = await soz(['review', dir, '--add', `${doc.id}:${start}-${start + text.length}`, '--category', 'address', '--reason', 'fictional check of the page region']);
  expect(result.code, result.stderr).toBe(0);
  return /^(F[0-9a-f]+)/m.exec(result.stdout)![1]!;
}

beforeAll(async () => {
  const root = tempDir('soz-desk-page-');
  const leaflet = await pdfkitPdf((doc) => {
    for (const page of [1, 2]) {
      doc.addPage({ size: 'A4' });
      for (const word of LEAFLET.filter((candidate) => candidate.page === page)) doc.fontSize(20).text(word.text, word.x, word.y, { lineBreak: false });
    }
  });
  // Arabic in presentation forms (as many real PDFs have it): soz normalises the page text.
  const arabic = await pdfkitPdf((doc) => {
    doc.addPage({ size: 'A4' });
    doc.fontSize(20).text('\uFEE3\uFEAE\uFEA3\uFE92\uFE8E test', 72, 72, { lineBreak: false });
  });
  writeFileSync(join(root, 'leaflet.pdf'), leaflet);
  writeFileSync(join(root, 'arabic.pdf'), arabic);
  writeFileSync(join(root, 'note.txt'), 'Учебная записка без страниц.\n');
  // The same leaflet inside a ZIP and attached to a PDF: its pages are found again in the container.
  const zip = new JSZip();
  zip.file('docs/leaflet.pdf', leaflet, { date: new Date(Date.UTC(2026, 0, 1)) });
  writeFileSync(join(root, 'seized.zip'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  writeFileSync(join(root, 'carrier.pdf'), await pdfkitPdf((doc) => {
    doc.addPage({ size: 'A4' });
    doc.file(Buffer.from(leaflet), { name: 'leaflet.pdf', type: 'application/pdf', creationDate: FIXED_DATE, modifiedDate: FIXED_DATE });
  }));
  dir = join(root, 'case');
  const run = await soz(['run', join(root, 'leaflet.pdf'), join(root, 'arabic.pdf'), join(root, 'note.txt'), join(root, 'seized.zip'), join(root, 'carrier.pdf'), '--out', dir]);
  expect(run.code, run.stderr).toBe(0);
  for (const word of LEAFLET) added[word.text] = await addOn('leaflet.pdf', word.text);
  added['arabic'] = await addOn('arabic.pdf', 'test');
  added['note'] = await addOn('note.txt', 'записка');
  for (const [name, entry] of NESTED) added[`${name}!/${entry}`] = await addOn(name, LEAFLET[1].text, entry);
  desk = await startDesk({ caseDir: dir, port: 0, language: 'en', clock, actor: 'Trainee' });
}, 120_000);

afterAll(async () => {
  await desk?.close();
});

describe('a candidate on a PDF page with a text layer', () => {
  it("boxes the candidate's words where pdfkit wrote them, on its own page, and changes nothing in the case", async () => {
    const before = snapshotTree(dir);
    for (const word of LEAFLET) {
      const answer = await region(added[word.text]!);
      expect(answer).toMatchObject({ page: word.page, mapped: true, width: 595.28, height: 841.89, rendered: HAVE_POPPLER });
      if (!answer.mapped) throw new Error('not mapped');
      expect(answer.words).toHaveLength(1);
      const [left, top, width, height] = answer.words[0]!;
      expect(Math.abs(left - word.x)).toBeLessThan(1);
      expect(Math.abs(top - word.y)).toBeLessThan(3);
      expect(height).toBeCloseTo(25, 6);
      // The whole run is the candidate here, so the estimate within it is the run's box.
      expect(answer.runs).toEqual(answer.words);
      expect(width).toBeGreaterThan(word.text.length * 8);
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.skipIf(!HAVE_POPPLER)(`draws the page with pdftoppm at 100 dpi behind the token${HAVE_POPPLER ? '' : ' — SKIPPED: needs poppler-utils'}`, async () => {
    const picture = await get(`/picture?finding=${added['вымышленный призыв']!}`);
    expect(picture.status).toBe(200);
    expect(picture.type).toBe('image/png');
    // A4 at 100 dpi.
    expect([picture.body.readUInt32BE(16), picture.body.readUInt32BE(20)]).toEqual([827, 1170]);
    expect((await fetch(`http://127.0.0.1:${desk.port}/picture?finding=${added['вымышленный призыв']!}`)).status).toBe(403);
  });

  it.each(NESTED)('finds the page of a PDF inside %s (%s) and boxes the words there, drawn where pdftoppm is installed', async (name, entry) => {
    const id = added[`${name}!/${entry}`]!;
    const answer = await region(id);
    expect(answer).toMatchObject({ page: 2, mapped: true, rendered: HAVE_POPPLER });
    if (!answer.mapped) throw new Error('not mapped');
    expect(Math.abs(answer.words[0]![0] - LEAFLET[1].x)).toBeLessThan(1);
    if (HAVE_POPPLER) expect((await get(`/picture?finding=${id}`)).status).toBe(200);
  });

  it('says why no box is drawn when soz normalised the page text (Arabic presentation forms)', async () => {
    expect(await region(added['arabic']!)).toEqual({ page: 1, rendered: HAVE_POPPLER, mapped: false, why: 'normalised' });
  });

  it('refuses a candidate that is not on a PDF page, and an unknown candidate, in the desk language', async () => {
    const note = await get(`/api/page-region?finding=${added['note']!}`);
    expect(note.status).toBe(400);
    expect(JSON.parse(note.body.toString('utf8'))).toMatchObject({ error: `candidate ${added['note']!} is not on a PDF page with a text layer` });
    const unknown = await get('/api/page-region?finding=F-none');
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ error: 'no candidate F-none in the case' });
    expect((await get(`/picture?finding=${added['note']!}`)).status).toBe(404);
  });
});
