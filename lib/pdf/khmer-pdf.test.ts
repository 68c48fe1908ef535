import { describe, expect, it } from 'vitest';
import { createShapedDocument, khmerBreaks } from './khmer-pdf';

// pdf.js (what Firefox's viewer uses) reads the PDF back: the Khmer text must extract as the
// logical string, from a font the document embeds. Node 20 lacks Promise.withResolvers.
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
};

const STRINGS = ['របាយការណ៍ប្រចាំឆ្នាំ ២០២១', 'ការស៊ើបអង្កេត ៣១៣', 'ក្មេងស្រី', 'ស្ត្រី', 'ខេត្តកំពង់ឆ្នាំង', 'Investigations 313'];

async function render(lines: string[]): Promise<Uint8Array> {
  const doc = await createShapedDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Body').fontSize(14);
  for (const line of lines) doc.text(khmerBreaks(line));
  doc.end();
  return new Uint8Array(await done);
}

async function extract(pdf: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: pdf, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe('PDF with Khmer text', () => {
  it('extracts every Khmer line as its logical string, from the embedded Noto Sans Khmer', async () => {
    const pdf = await render(STRINGS);
    // Read before pdf.js takes the buffer. The font dictionaries are plain text in the file:
    // a subset of Noto Sans Khmer, with its outlines embedded.
    const raw = Buffer.from(pdf).toString('latin1');
    expect(await extract(pdf)).toEqual(STRINGS);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKhmer-Regular/);
    expect(raw).toContain('/FontFile2');
  });

  it('wraps long Khmer text between words, never inside a cluster', async () => {
    const sentence = 'ការស៊ើបអង្កេតលើករណីរំលោភបំពានផ្លូវភេទលើកុមារត្រូវបានធ្វើឡើងដោយក្រុមការងារការពារកុមារ '.repeat(4).trim();
    const lines = await extract(await render([sentence]));
    expect(lines.length).toBeGreaterThan(1);
    // pdf.js guesses spaces from glyph positions; the characters and their order must be exact.
    expect(lines.join('').replace(/\s/g, '')).toBe(sentence.replace(/\s/g, ''));
  });
});
