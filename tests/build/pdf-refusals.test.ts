/**
 * PDFs the importer refuses (issue 21), each made at test time: a scan only (an image, no text
 * layer: Chromium printing a page that holds only an image), a broken file (a download cut in
 * half) and an encrypted one (saved with AES-256 and a password by MuPDF). `importPdf` throws a
 * PdfImportError saying which; `npm run import` prints it, exits 1 and writes nothing.
 *
 * Seen failing (each broken once, then restored): expecting reason `broken` for the encrypted
 * file; handing both tests the whole layout PDF in place of the truncated one (no error, and the
 * CLI exits 0 having written a draft).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { importPdf, PdfImportError } from '#lib/import/pdf/import-pdf.ts';
import { encryptedPdf, truncatedPdf } from '../support/pdf-draft.ts';
import { makeLayoutPdf, makeScanOnlyPdf } from '../support/pdf-layouts.ts';
import { runScript } from '../support/scripts.ts';

interface Refused {
  name: string;
  reason: string;
  says: RegExp;
  make: () => Promise<Uint8Array>;
}

const REFUSED: Refused[] = [
  { name: 'a scan only (no text layer)', reason: 'no-text', says: /text layer|scan/i, make: () => makeScanOnlyPdf() },
  {
    name: 'a broken PDF (truncated)',
    reason: 'broken',
    says: /broken|damaged|truncated|cannot be read|not a (valid )?PDF/i,
    make: async () => truncatedPdf((await makeLayoutPdf('a')).pdf),
  },
  {
    name: 'an encrypted PDF',
    reason: 'encrypted',
    says: /encrypt|password/i,
    make: async () => encryptedPdf((await makeLayoutPdf('a')).pdf),
  },
];

describe.each(REFUSED)('$name', ({ reason, says, make }) => {
  let pdf: Uint8Array;
  const work = mkdtempSync(join(tmpdir(), 'kfjz-pdf-refused-'));
  beforeAll(async () => {
    pdf = await make();
  }, 120_000);

  test(`importPdf refuses it with a PdfImportError (${reason}) saying why`, async () => {
    const error = await importPdf(pdf, {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PdfImportError);
    expect((error as PdfImportError).reason).toBe(reason);
    expect((error as PdfImportError).message).toMatch(says);
  });

  test('npm run import prints the reason, exits 1 and writes nothing', async () => {
    const input = join(work, 'page.pdf');
    writeFileSync(input, pdf);
    const out = join(work, 'issues');
    mkdirSync(out);
    const run = await runScript(
      'import',
      [input, '--year', '2024', '--number', '18', '--out', join(out, '2024-18.mdx')],
      {},
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatch(says);
    expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+/); // a message, not a stack trace
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
