// The worker thread that reads PDFs: a deadline or heap limit reached is a UserError naming the
// limit and its flag, the thread is replaced, and the evidence buffer is never handed over.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../core/hash.js';
import { REAL_CORPORA, userErrorOf } from '../../../tests/support/adapter-invariants.js';
import { PdfReadFailure, readPdfInWorker } from './runner.js';

const GENEROUS = { seconds: 120, memoryMb: 1024 };
const real = (name: string) => new Uint8Array(readFileSync(`${REAL_CORPORA}pdf/${name}`));

describe('readPdfInWorker', () => {
  it('stops a read at the deadline, names the flag, and reads the next file in a fresh thread', async () => {
    const bytes = real('ar_docx2pdf_proposal_25p_presentation_forms.pdf');
    // 25 pages cannot be read in a millisecond: the deadline is reached whatever the machine.
    const error = await userErrorOf(readPdfInWorker(bytes, 'slow.pdf', { ...GENEROUS, seconds: 0.001 }));
    expect(error.code).toBe('limit.pdf-seconds');
    expect(error.message).toBe('slow.pdf: reading the PDF took longer than 0.001 s; if the file is genuine, raise the limit with --max-pdf-seconds');
    const content = await readPdfInWorker(bytes, 'slow.pdf', GENEROUS);
    expect(content.pages).toHaveLength(25);
  });

  it('stops a thread that needs more heap than allowed and names the flag', async () => {
    const error = await userErrorOf(readPdfInWorker(real('ru_msword2016_2p.pdf'), 'big.pdf', { ...GENEROUS, memoryMb: 2 }));
    expect(error.code).toBe('limit.pdf-memory');
    expect(error.message).toBe('big.pdf: reading the PDF needed more than 2 MiB of memory; if the file is genuine, raise the limit with --max-pdf-memory-mb');
  });

  it('returns pdf.js failures by name, and leaves the given bytes whole', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nnot really\n');
    const before = sha256(bytes);
    const failure = await readPdfInWorker(bytes, 'junk.pdf', GENEROUS).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PdfReadFailure);
    expect((failure as PdfReadFailure).kind).toBe('InvalidPDFException');
    expect(sha256(bytes)).toBe(before);
  });
});
