/**
 * The two faces a document uses, their metrics for layout, and the per-document encoding:
 * every distinct character drawn gets its own CID (1, 2, …) in a Type0 / CIDFontType2 font
 * with Identity-H, a CIDToGIDMap to the glyph, a W array of the same widths the layout
 * measured with, and a ToUnicode CMap back to the character — so text extracts exactly,
 * a no-break space included (it shares a glyph with the space but not a CID), and a
 * character the font lacks still extracts although it shows as the .notdef box.
 */
import { DEJAVU_SANS_BOLD } from './fonts/dejavu-sans-bold';
import { DEJAVU_SANS } from './fonts/dejavu-sans';
import { parseTrueType, subsetFont, type TrueTypeFont } from './truetype';
import type { PdfObjects } from './writer';

export type Face = 'regular' | 'bold';

export class FontMetrics {
  private readonly widths = new Map<number, number>();
  constructor(readonly ttf: TrueTypeFont) {}

  glyph(codePoint: number): number {
    return this.ttf.cmap.get(codePoint) ?? 0;
  }

  /** Advance in thousandths of the size, rounded: the W array holds the same integers. */
  advance(codePoint: number): number {
    let w = this.widths.get(codePoint);
    if (w === undefined) {
      w = Math.round((this.ttf.advances[this.glyph(codePoint)]! * 1000) / this.ttf.unitsPerEm);
      this.widths.set(codePoint, w);
    }
    return w;
  }

  /** Width of `text` at `size` points. */
  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.advance(ch.codePointAt(0)!);
    return (units * size) / 1000;
  }

  /** Scaled to thousandths of the size (PDF glyph space). */
  scaled(units: number): number {
    return Math.round((units * 1000) / this.ttf.unitsPerEm);
  }
}

export type Fonts = Record<Face, FontMetrics>;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

let loaded: Fonts | null = null;

/** Parsed once per isolate. */
export function fonts(): Fonts {
  loaded ??= {
    regular: new FontMetrics(parseTrueType(decodeBase64(DEJAVU_SANS))),
    bold: new FontMetrics(parseTrueType(decodeBase64(DEJAVU_SANS_BOLD))),
  };
  return loaded;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** UTF-16BE hex of one code point (a surrogate pair above the BMP). */
export function utf16Hex(codePoint: number): string {
  if (codePoint < 0x10000) return hex4(codePoint);
  const v = codePoint - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** Characters → CIDs for one document and one face. */
export class FontEncoder {
  /** CID → code point; CID 0 is .notdef and never drawn. */
  readonly codePoints: number[] = [0];
  private readonly cids = new Map<number, number>();
  constructor(readonly metrics: FontMetrics) {}

  cid(codePoint: number): number {
    let cid = this.cids.get(codePoint);
    if (cid === undefined) {
      cid = this.codePoints.length;
      this.codePoints.push(codePoint);
      this.cids.set(codePoint, cid);
    }
    return cid;
  }

  /** The hex string operand of Tj: four hex digits per character. Never raw text, so nothing to escape. */
  encode(text: string): string {
    let out = '';
    for (const ch of text) out += hex4(this.cid(ch.codePointAt(0)!));
    return out;
  }

  /** `[1 [w1 w2 …]]`: the widths of CIDs 1…n, the same integers the layout measured with. */
  widthsArray(): string {
    const widths = this.codePoints.slice(1).map((c) => this.metrics.advance(c));
    return widths.length ? `[1 [${widths.join(' ')}]]` : '[]';
  }

  cidToGidMap(): Uint8Array {
    const out = new Uint8Array(this.codePoints.length * 2);
    this.codePoints.forEach((c, cid) => {
      const g = cid === 0 ? 0 : this.metrics.glyph(c);
      out[cid * 2] = g >> 8;
      out[cid * 2 + 1] = g & 0xff;
    });
    return out;
  }

  toUnicode(): string {
    const entries = this.codePoints.slice(1).map((c, i) => `<${hex4(i + 1)}> <${utf16Hex(c)}>`);
    const chunks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const part = entries.slice(i, i + 100);
      chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...chunks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

/** Six capital letters from the face and the characters used, as PDF subset tags go. */
function subsetTag(encoder: FontEncoder, face: string): string {
  let h = 2166136261;
  for (const c of [...face].map((ch) => ch.charCodeAt(0)).concat(encoder.codePoints)) h = Math.imul(h ^ c, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7;
  }
  return tag;
}

/** Writes the font's objects; returns the Type0 font's object number. */
export async function embedFont(pdf: PdfObjects, encoder: FontEncoder): Promise<number> {
  const m = encoder.metrics;
  const ttf = m.ttf;
  const name = `${subsetTag(encoder, ttf.postScriptName)}+${ttf.postScriptName}`;
  const [type0, cidFont, descriptor, file, toUnicode, cidToGid] = [1, 2, 3, 4, 5, 6].map(() => pdf.reserve());
  const glyphs = encoder.codePoints.slice(1).map((c) => m.glyph(c));
  await pdf.putStream(file!, '', subsetFont(ttf, glyphs));
  await pdf.putStream(toUnicode!, '', new TextEncoder().encode(encoder.toUnicode()));
  await pdf.putStream(cidToGid!, '', encoder.cidToGidMap());
  const [x0, y0, x1, y1] = ttf.bbox.map((v) => m.scaled(v));
  pdf.put(
    descriptor!,
    `<< /Type /FontDescriptor /FontName /${name} /Flags 32 /FontBBox [${x0} ${y0} ${x1} ${y1}] /ItalicAngle ${ttf.italicAngle} ` +
      `/Ascent ${m.scaled(ttf.ascent)} /Descent ${m.scaled(ttf.descent)} /CapHeight ${m.scaled(ttf.capHeight)} /StemV ` +
      `${ttf.bold ? 140 : 80} /FontFile2 ${file} 0 R >>`,
  );
  pdf.put(
    cidFont!,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
      `/FontDescriptor ${descriptor} 0 R /DW ${m.scaled(ttf.advances[0]!)} /W ${encoder.widthsArray()} /CIDToGIDMap ${cidToGid} 0 R >>`,
  );
  pdf.put(
    type0!,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ` +
      `${toUnicode} 0 R >>`,
  );
  return type0!;
}
