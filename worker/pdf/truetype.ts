/**
 * Just enough of TrueType to embed a font in a PDF: the metrics (head, hhea, OS/2, post),
 * advance widths (hmtx), the character map (cmap formats 4 and 12) and a glyph subsetter that
 * keeps the outlines of the glyphs a document uses (and the components of composite ones) and
 * empties the rest, keeping glyph ids, so a small file comes out of one parse.
 */

export interface TrueTypeFont {
  bytes: Uint8Array;
  postScriptName: string;
  unitsPerEm: number;
  /** xMin, yMin, xMax, yMax in font units. */
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  bold: boolean;
  numGlyphs: number;
  /** Advance width of each glyph, font units. */
  advances: Uint16Array;
  /** Unicode code point → glyph id. */
  cmap: Map<number, number>;
  tables: Map<string, { offset: number; length: number }>;
  longLoca: boolean;
}

export class FontFormatError extends Error {}

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    u8: (o: number) => view.getUint8(o),
    u16: (o: number) => view.getUint16(o),
    i16: (o: number) => view.getInt16(o),
    u32: (o: number) => view.getUint32(o),
    i32: (o: number) => view.getInt32(o),
  };
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const r = reader(bytes);
  const version = r.u32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new FontFormatError('not a TrueType font');
  const tables = new Map<string, { offset: number; length: number }>();
  const count = r.u16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(r.u8(at), r.u8(at + 1), r.u8(at + 2), r.u8(at + 3));
    tables.set(tag, { offset: r.u32(at + 8), length: r.u32(at + 12) });
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new FontFormatError(`the font has no ${tag} table`);
    return t.offset;
  };
  const head = table('head');
  const unitsPerEm = r.u16(head + 18);
  const bbox: [number, number, number, number] = [r.i16(head + 36), r.i16(head + 38), r.i16(head + 40), r.i16(head + 42)];
  const longLoca = r.i16(head + 50) === 1;
  const hhea = table('hhea');
  const numberOfHMetrics = r.u16(hhea + 34);
  const numGlyphs = r.u16(table('maxp') + 4);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) advances[g] = r.u16(hmtx + 4 * Math.min(g, numberOfHMetrics - 1));

  let ascent = r.i16(hhea + 4);
  let descent = r.i16(hhea + 6);
  let capHeight = Math.round(ascent * 0.7);
  let bold = false;
  if (tables.has('OS/2')) {
    const os2 = table('OS/2');
    bold = r.u16(os2 + 4) >= 600;
    ascent = r.i16(os2 + 68);
    descent = r.i16(os2 + 70);
    if (r.u16(os2) >= 2) capHeight = r.i16(os2 + 88);
  }
  const italicAngle = tables.has('post') ? r.i32(table('post') + 4) / 65536 : 0;
  return {
    bytes,
    postScriptName: postScriptName(bytes, tables.get('name')?.offset) ?? 'Embedded',
    unitsPerEm,
    bbox,
    ascent,
    descent,
    capHeight,
    italicAngle,
    bold,
    numGlyphs,
    advances,
    cmap: readCmap(bytes, table('cmap')),
    tables,
    longLoca,
  };
}

/** Name id 6 (PostScript name), from the Windows (UTF-16BE) or Mac (Latin) record; only [A-Za-z0-9-] kept. */
function postScriptName(bytes: Uint8Array, name: number | undefined): string | null {
  if (name === undefined) return null;
  const r = reader(bytes);
  const count = r.u16(name + 2);
  const strings = name + r.u16(name + 4);
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + i * 12;
    if (r.u16(rec + 6) !== 6) continue;
    const platform = r.u16(rec);
    const length = r.u16(rec + 8);
    const start = strings + r.u16(rec + 10);
    let text = '';
    if (platform === 3) for (let j = 0; j < length; j += 2) text += String.fromCharCode(r.u16(start + j));
    else for (let j = 0; j < length; j++) text += String.fromCharCode(r.u8(start + j));
    const clean = text.replace(/[^A-Za-z0-9-]/g, '');
    if (clean) return clean;
  }
  return null;
}

/** The best Unicode subtable: format 12 (full Unicode) if present, else format 4 (BMP). */
function readCmap(bytes: Uint8Array, cmap: number): Map<number, number> {
  const r = reader(bytes);
  const out = new Map<number, number>();
  const count = r.u16(cmap + 2);
  let best: { offset: number; format: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = r.u16(rec);
    const encoding = r.u16(rec + 2);
    const offset = cmap + r.u32(rec + 4);
    const format = r.u16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || format > best.format) best = { offset, format };
  }
  if (!best) throw new FontFormatError('the font has no Unicode cmap');
  const t = best.offset;
  if (best.format === 12) {
    const groups = r.u32(t + 12);
    for (let i = 0; i < groups; i++) {
      const g = t + 16 + i * 12;
      const start = r.u32(g);
      const end = r.u32(g + 4);
      const glyph = r.u32(g + 8);
      for (let c = start; c <= end; c++) out.set(c, glyph + (c - start));
    }
    return out;
  }
  const segments = r.u16(t + 6) / 2;
  const ends = t + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = r.u16(ends + s * 2);
    const start = r.u16(starts + s * 2);
    const delta = r.u16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = r.u16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsetAt + rangeOffset + (c - start) * 2;
        glyph = r.u16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.set(c, glyph);
    }
  }
  return out;
}

/** Glyph ids whose outlines `glyphs` need: themselves, .notdef, and every component of a composite. */
export function glyphClosure(font: TrueTypeFont, glyphs: Iterable<number>): Set<number> {
  const r = reader(font.bytes);
  const keep = new Set<number>();
  const todo = [0, ...glyphs];
  const glyf = font.tables.get('glyf')!.offset;
  while (todo.length) {
    const g = todo.pop()!;
    if (g >= font.numGlyphs || keep.has(g)) continue;
    keep.add(g);
    const [start, end] = locaRange(font, g);
    if (end - start < 10 || r.i16(glyf + start) >= 0) continue;
    let p = glyf + start + 10;
    let flags: number;
    do {
      flags = r.u16(p);
      todo.push(r.u16(p + 2));
      p += 4 + (flags & 0x0001 ? 4 : 2);
      if (flags & 0x0008) p += 2;
      else if (flags & 0x0040) p += 4;
      else if (flags & 0x0080) p += 8;
    } while (flags & 0x0020);
  }
  return keep;
}

function locaRange(font: TrueTypeFont, g: number): [number, number] {
  const r = reader(font.bytes);
  const loca = font.tables.get('loca')!.offset;
  if (font.longLoca) return [r.u32(loca + g * 4), r.u32(loca + g * 4 + 4)];
  return [r.u16(loca + g * 2) * 2, r.u16(loca + g * 2 + 2) * 2];
}

const pad4 = (n: number) => (n + 3) & ~3;

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  for (let i = 0; i < pad4(length); i += 4) sum = (sum + view.getUint32(offset + i)) >>> 0;
  return sum;
}

/**
 * A copy of the font whose glyf table holds only the glyphs in `used` (plus what they need);
 * the others become empty, so glyph ids, hmtx and cmap stay valid. Long loca offsets.
 */
export function subsetFont(font: TrueTypeFont, used: Iterable<number>): Uint8Array {
  const keep = glyphClosure(font, used);
  const src = font.bytes;
  const glyfIn = font.tables.get('glyf')!.offset;
  const pieces: [number, number][] = [];
  let glyfLength = 0;
  const loca = new Uint8Array((font.numGlyphs + 1) * 4);
  const locaView = new DataView(loca.buffer);
  for (let g = 0; g < font.numGlyphs; g++) {
    locaView.setUint32(g * 4, glyfLength);
    if (!keep.has(g)) continue;
    const [start, end] = locaRange(font, g);
    if (end <= start) continue;
    pieces.push([glyfIn + start, end - start]);
    glyfLength += pad4(end - start);
  }
  locaView.setUint32(font.numGlyphs * 4, glyfLength);
  const glyf = new Uint8Array(glyfLength);
  let at = 0;
  for (const [from, length] of pieces) {
    glyf.set(src.subarray(from, from + length), at);
    at += pad4(length);
  }

  const tags = [...font.tables.keys()].filter((t) => t !== 'DSIG').sort();
  const data = new Map<string, Uint8Array>();
  for (const tag of tags) {
    const t = font.tables.get(tag)!;
    if (tag === 'glyf') data.set(tag, glyf);
    else if (tag === 'loca') data.set(tag, loca);
    else data.set(tag, src.slice(t.offset, t.offset + t.length));
  }
  const head = data.get('head')!;
  const headView = new DataView(head.buffer, head.byteOffset);
  headView.setInt16(50, 1); // indexToLocFormat: long
  headView.setUint32(8, 0); // checkSumAdjustment, set below

  const headerLength = 12 + tags.length * 16;
  const total = headerLength + tags.reduce((n, t) => n + pad4(data.get(t)!.length), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= tags.length) entrySelector++;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, 2 ** entrySelector * 16);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tags.length * 16 - 2 ** entrySelector * 16);
  let offset = headerLength;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const bytes = data.get(tag)!;
    out.set(bytes, offset);
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(rec + k, tag.charCodeAt(k));
    view.setUint32(rec + 4, checksum(out, offset, bytes.length));
    view.setUint32(rec + 8, offset);
    view.setUint32(rec + 12, bytes.length);
    if (tag === 'head') headOffset = offset;
    offset += pad4(bytes.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}
