import 'server-only';
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * pdfkit documents that render Khmer correctly. pdfkit lays text out with fontkit, which
 * has no Khmer shaper (pre-base vowels and subscripts come out wrong, and some words crash
 * its GPOS code), so every embedded font is shaped by HarfBuzz (harfbuzzjs, WASM) instead,
 * while pdfkit still subsets the font and writes the ToUnicode map. Each drawn Khmer line
 * carries /ActualText so text extraction returns the logical string although pre-base
 * vowels are drawn before their consonant. Khmer has no spaces between words: ICU word
 * segmentation (Intl.Segmenter) inserts U+200B so lines wrap between words.
 *
 * This reaches into pdfkit internals (_font, _fragment, addContent, EmbeddedFont.layoutRun,
 * subset.includeGlyph): pdfkit is pinned, and lib/pdf/khmer-pdf.test.ts checks the output
 * (extracted text) so an upgrade that breaks it fails the suite.
 * Font: Noto Sans Khmer (OFL-1.1), which also covers Latin, digits and punctuation.
 */
// ---------------------------------------------------------------- fonts
type HB = typeof import('harfbuzzjs');

export interface FontFiles {
  regular: string;
  bold: string;
}

/** Resolve font files from node_modules at run time (not through the bundler). */
export function defaultFontFiles(): FontFiles {
  const dir = process.env.PDF_FONT_DIR;
  if (dir) {
    return {
      regular: path.join(dir, 'NotoSansKhmer_400Regular.ttf'),
      bold: path.join(dir, 'NotoSansKhmer_700Bold.ttf'),
    };
  }
  // createRequire anchored at the app root so Next's bundler does not rewrite the resolve.
  const req = createRequire(path.join(process.cwd(), 'package.json'));
  const pkgDir = path.dirname(req.resolve('@expo-google-fonts/noto-sans-khmer/package.json'));
  return {
    regular: path.join(pkgDir, '400Regular', 'NotoSansKhmer_400Regular.ttf'),
    bold: path.join(pkgDir, '700Bold', 'NotoSansKhmer_700Bold.ttf'),
  };
}

interface LoadedFont {
  bytes: Buffer;
  hbFont: InstanceType<HB['Font']>;
}

let hbPromise: Promise<HB> | null = null;
const fontCache = new Map<string, LoadedFont>();

async function loadHarfBuzz(): Promise<HB> {
  // ESM-only package with top-level await (instantiates the WASM): dynamic import.
  hbPromise ??= import('harfbuzzjs');
  return hbPromise;
}

function loadFont(hb: HB, file: string): LoadedFont {
  let f = fontCache.get(file);
  if (!f) {
    const bytes = readFileSync(file);
    const blob = new hb.Blob(new Uint8Array(bytes));
    const face = new hb.Face(blob, 0);
    const hbFont = new hb.Font(face); // scale defaults to upem -> positions in font units
    f = { bytes, hbFont };
    fontCache.set(file, f);
  }
  return f;
}

// ---------------------------------------------------------------- shaping
const KHMER_RE = /[\u1780-\u17FF\u19E0-\u19FF]/;
const RUN_RE = /[\u1780-\u17FF\u19E0-\u19FF\u200B-\u200D\u25CC]+|[^\u1780-\u17FF\u19E0-\u19FF]+/gu;

/* Minimal views of pdfkit's internal EmbeddedFont / fontkit objects we touch. */
interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FkFont {
  unitsPerEm: number;
  characterSet: number[];
  glyphForCodePoint(cp: number): { id: number };
  getGlyph(id: number): { advanceWidth: number };
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface EmbeddedFontLike {
  font: FkFont;
  subset: { glyphs: number[]; includeGlyph(g: number | { id: number }): number };
  scale: number;
  layoutRun(text: string, features?: unknown): { glyphs: FkGlyph[]; positions: Position[]; advanceWidth: number };
  __hbPatched?: boolean;
}

function makeShaper(hb: HB, lf: LoadedFont, fk: FkFont, scale: number) {
  const reverseCmap = new Map<number, number>();
  for (const cp of fk.characterSet) {
    const gid = fk.glyphForCodePoint(cp).id;
    if (gid && !reverseCmap.has(gid)) reverseCmap.set(gid, cp);
  }
  const widthCache = new Map<number, number>();
  const hmtx = (gid: number) => {
    let w = widthCache.get(gid);
    if (w === undefined) {
      w = fk.getGlyph(gid).advanceWidth;
      widthCache.set(gid, w);
    }
    return w;
  };

  // virtual glyph ids (gid + 0x10000 * n) for (glyph, text) pairs, resolved in includeGlyph
  const variants = new Map<string, number>();
  const firstText = new Map<number, string>();
  const variantId = (gid: number, piece: number[]) => {
    const key = `${gid}:${piece.join(',')}`;
    let id = variants.get(key);
    if (id === undefined) {
      id = gid + 0x10000 * (variants.size + 1);
      variants.set(key, id);
    }
    return id;
  };

  const buf = new hb.Buffer(); // reused; freed by harfbuzzjs' FinalizationRegistry
  function shapeItem(text: string, glyphs: FkGlyph[], positions: Position[]) {
    buf.reset();
    // U+200B (our inserted Khmer word breaks) etc. must not become a space glyph in the PDF
    buf.setFlags(hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
    buf.addText(text);
    if (KHMER_RE.test(text)) {
      buf.setDirection(hb.Direction.LTR);
      buf.setScript('Khmr');
      buf.setLanguage('km');
    } else {
      buf.guessSegmentProperties();
    }
    hb.shape(lf.hbFont, buf);
    const infos = buf.getGlyphInfos();
    const pos = buf.getGlyphPositions();
    // cluster boundaries (UTF-16 offsets, monotonic for LTR)
    const starts = [...new Set(infos.map((i) => i.cluster))].sort((a, b) => a - b);
    const clusterEnd = (c: number) => {
      const k = starts.indexOf(c);
      return k + 1 < starts.length ? starts[k + 1]! : text.length;
    };
    let i = 0;
    while (i < infos.length) {
      const c = infos[i]!.cluster;
      let j = i;
      while (j < infos.length && infos[j]!.cluster === c) j++;
      // ToUnicode per glyph. First try: nominal glyphs map to their own code point, the rest
      // (subscript forms, ligatures) get the cluster characters no nominal glyph took.
      // (removed default ignorables, e.g. our U+200B word breaks, end up in a neighbour cluster)
      const clusterText = text.slice(c, clusterEnd(c)).replace(/[\u200B\u2060\uFEFF]/g, '');
      const chars = [...clusterText].map((ch) => ch.codePointAt(0)!);
      const left = [...chars];
      let cps: number[][] = [];
      for (let k = i; k < j; k++) {
        const nominal = reverseCmap.get(infos[k]!.codepoint);
        if (nominal !== undefined && left.includes(nominal)) {
          left.splice(left.indexOf(nominal), 1);
          cps.push([nominal]);
        } else cps.push([]);
      }
      const firstEmpty = cps.findIndex((x) => x.length === 0);
      if (firstEmpty >= 0) cps[firstEmpty] = left;
      else if (left.length) cps[cps.length - 1] = cps[cps.length - 1]!.concat(left);
      // If reading those glyphs in drawing order does not give the logical text (pre-base
      // vowel/coeng-ro reordering, split vowels), use a cluster-level mapping instead: the
      // glyphs, in drawing order, get consecutive pieces of the logical text (U+200B, which
      // pdf.js drops, when a split vowel ោ ើ ៀ… yields more glyphs than characters; an empty
      // ToUnicode entry makes pdf.js print the raw CID), and each such
      // (glyph, piece) pair becomes its own CID (a duplicate of the glyph in the subset), so
      // viewers that ignore /ActualText (pdf.js, Preview) still extract the right string.
      let variant = false;
      if (String.fromCodePoint(...cps.flat()) !== clusterText || cps.some((x) => x.length === 0)) {
        variant = true;
        const m = j - i;
        cps = Array.from({ length: m }, (_, k) =>
          k < m - 1 ? (k < chars.length ? [chars[k]!] : [0x200b]) : chars.slice(Math.min(k, chars.length)),
        ).map((x) => (x.length ? x : [0x200b]));
      }
      for (let k = i; k < j; k++) {
        const gid = infos[k]!.codepoint;
        const w = hmtx(gid);
        const piece = cps[k - i]!;
        // a CID has one ToUnicode entry: the first text seen for a glyph keeps the real id,
        // any other text for the same glyph gets its own duplicate CID
        const key = piece.join(',');
        const first = firstText.get(gid) ?? (firstText.set(gid, key), key);
        const id = variant || first !== key ? variantId(gid, piece) : gid;
        glyphs.push({ id, advanceWidth: w, codePoints: piece });
        const at = pos[k]!;
        positions.push({
          xAdvance: at.xAdvance * scale,
          yAdvance: at.yAdvance * scale,
          xOffset: at.xOffset * scale,
          yOffset: at.yOffset * scale,
          advanceWidth: w * scale, // what pdfkit writes in /W; it emits TJ corrections for the difference
        });
      }
      i = j;
    }
  }

  return (text: string) => {
    const glyphs: FkGlyph[] = [];
    const positions: Position[] = [];
    for (const m of text.matchAll(RUN_RE)) shapeItem(m[0], glyphs, positions);
    // Fold horizontal mark offsets into the neighbours' advances (same drawing, emitted as TJ
    // kerning instead of a new Tm): fewer text-matrix jumps, which pdf.js would read as spaces.
    for (let k = 1; k < positions.length; k++) {
      const current = positions[k]!;
      const previous = positions[k - 1]!;
      const dx = current.xOffset;
      if (dx) {
        previous.xAdvance += dx;
        current.xAdvance -= dx;
        current.xOffset = 0;
      }
    }
    const advanceWidth = positions.reduce((s, p) => s + p.xAdvance, 0);
    return { glyphs, positions, advanceWidth };
  };
}

// ---------------------------------------------------------------- pdfkit glue
function utf16beHex(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** Make every font that `doc` embeds shape with HarfBuzz, and tag drawn lines with ActualText. */
function installHarfBuzz(doc: PDFKit.PDFDocument, hb: HB, files: Record<string, string>) {
  const anyDoc = doc as unknown as {
    _font: EmbeddedFontLike;
    font: (...a: unknown[]) => unknown;
    _fragment: (text: string, x: number, y: number, o: unknown) => void;
    addContent: (s: string) => unknown;
  };
  const origFont = anyDoc.font.bind(doc);
  anyDoc.font = (...args: unknown[]) => {
    const r = origFont(...args);
    const ef = anyDoc._font;
    if (ef && !ef.__hbPatched && ef.font && typeof ef.layoutRun === 'function') {
      const key = typeof args[0] === 'string' ? args[0] : '';
      const file = files[key] ?? key;
      const lf = loadFont(hb, file);
      const shape = makeShaper(hb, lf, ef.font, ef.scale);
      ef.layoutRun = (text: string) => shape(text);
      // virtual ids -> one extra subset slot (CID) per (glyph, text) pair, same outline
      const subset = ef.subset;
      const include = subset.includeGlyph.bind(subset);
      const slots = new Map<number, number>();
      subset.includeGlyph = (g: number | { id: number }) => {
        const id = typeof g === 'object' ? g.id : g;
        if (id < 0x10000) return include(id);
        let slot = slots.get(id);
        if (slot === undefined) {
          subset.glyphs.push(id & 0xffff);
          slot = subset.glyphs.length - 1;
          slots.set(id, slot);
        }
        return slot;
      };
      ef.__hbPatched = true;
    }
    return r;
  };
  const origFragment = anyDoc._fragment.bind(doc);
  anyDoc._fragment = (text: string, x: number, y: number, o: unknown) => {
    const actual = `${text}`.replace(/[\n\u200B]/g, '');
    const tagged = KHMER_RE.test(actual) && !process.env.PDF_NO_ACTUALTEXT;
    // Rewrite pdfkit's per-glyph output on the fly:
    //  - BDC/EMC go *inside* BT..ET, after Tf: poppler re-emits the ActualText with the
    //    graphics state current at EMC, so the CTM/font must still be the text's;
    //  - pdfkit moves the text matrix (Tm) for every glyph with an offset. Horizontal offsets
    //    were already folded into TJ advances, so the pen is where Tm would put it: emit only the
    //    vertical part, as text rise (Ts). Text extractors (pdf.js) read Tm jumps as word gaps.
    const add = anyDoc.addContent;
    let open = false;
    let baseY: number | null = null;
    anyDoc.addContent = (s: string) => {
      const tm = /^1 0 0 1 (\S+) (\S+) Tm$/.exec(s);
      if (tm) {
        if (baseY === null) baseY = Number(tm[2]);
        else {
          const rise = Number(tm[2]) - baseY;
          add.call(doc, `${Math.abs(rise) < 1e-6 ? 0 : +rise.toFixed(4)} Ts`);
          return doc;
        }
      }
      if (s === 'ET' && open) {
        add.call(doc, 'EMC');
        open = false;
      }
      add.call(doc, s);
      if (tagged && !open && / Tf$/.test(s)) {
        add.call(doc, `/Span <</ActualText ${utf16beHex(actual)}>> BDC`);
        open = true;
      }
      return doc;
    };
    try {
      origFragment(text, x, y, o);
    } finally {
      anyDoc.addContent = add;
    }
  };
}

/** Insert U+200B between Khmer words (ICU dictionary segmentation) so lines can wrap. */
const segmenter = new Intl.Segmenter('km', { granularity: 'word' });
export function khmerBreaks(s: string): string {
  if (!KHMER_RE.test(s)) return s;
  let out = '';
  let prevKhmer = false;
  for (const { segment } of segmenter.segment(s)) {
    const isKhmer = KHMER_RE.test(segment);
    if (isKhmer && prevKhmer) out += '\u200B';
    out += segment;
    prevKhmer = isKhmer;
  }
  return out;
}

/** Low-level: a pdfkit document whose fonts 'Body' / 'Bold' shape with HarfBuzz. */
export async function createShapedDocument(
  options: PDFKit.PDFDocumentOptions = {},
  fonts: FontFiles = defaultFontFiles(),
): Promise<PDFKit.PDFDocument> {
  const hb = await loadHarfBuzz();
  const doc = new PDFDocument(options);
  installHarfBuzz(doc, hb, { Body: fonts.regular, Bold: fonts.bold });
  // Noto Sans Khmer also contains Latin, digits and punctuation, so one family serves both locales.
  doc.registerFont('Body', fonts.regular);
  doc.registerFont('Bold', fonts.bold);
  return doc;
}
