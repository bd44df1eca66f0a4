/**
 * The font side of the PDF: the committed DejaVu subset parses and covers what we print, the
 * widths the layout measures with are the font's, the per-document CIDs, W array, CIDToGIDMap
 * and ToUnicode CMap agree with each other, and the glyph subsetter keeps exactly the outlines
 * a document needs (composite glyphs with their components) in a font that still parses.
 */
import { describe, expect, it } from 'vitest';
import { FontEncoder, fonts, utf16Hex } from '../../worker/pdf/font';
import { glyphClosure, parseTrueType, subsetFont, type TrueTypeFont } from '../../worker/pdf/truetype';
import { num, textString } from '../../worker/pdf/writer';
import { parseToUnicode } from '../pdf-read';

const cp = (ch: string) => ch.codePointAt(0)!;
const PRINTED = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяABCXYZabcxyz0123456789₽№«»—–×·%€₸−…“”‘’\u00a0\u202f';

function glyphBytes(font: TrueTypeFont, g: number): Uint8Array {
  const loca = font.tables.get('loca')!.offset;
  const view = new DataView(font.bytes.buffer, font.bytes.byteOffset);
  const [a, b] = font.longLoca
    ? [view.getUint32(loca + g * 4), view.getUint32(loca + g * 4 + 4)]
    : [view.getUint16(loca + g * 2) * 2, view.getUint16(loca + g * 2 + 2) * 2];
  const glyf = font.tables.get('glyf')!.offset;
  return font.bytes.slice(glyf + a, glyf + b);
}

describe('the committed font subset', () => {
  it('both faces parse, are DejaVu Sans regular and bold, and have a glyph for every character we print', () => {
    const { regular, bold } = fonts();
    expect(regular.ttf.postScriptName).toBe('DejaVuSans');
    expect(bold.ttf.postScriptName).toBe('DejaVuSans-Bold');
    expect([regular.ttf.bold, bold.ttf.bold]).toEqual([false, true]);
    for (const face of [regular, bold]) {
      expect(face.ttf.unitsPerEm).toBe(2048);
      for (const ch of PRINTED) expect(face.glyph(cp(ch)), `${ch} U+${cp(ch).toString(16)}`).toBeGreaterThan(0);
      expect(face.glyph(0x4e2d)).toBe(0); // 中: not in the subset → .notdef
    }
  });

  it('widths come from hmtx, scaled to thousandths of an em; digits are tabular; a text is the sum of its characters', () => {
    const f = fonts().regular;
    const hmtx = f.ttf.advances[f.glyph(cp('А'))]!;
    expect(f.advance(cp('А'))).toBe(Math.round((hmtx * 1000) / 2048));
    const digit = f.advance(cp('0'));
    for (const d of '123456789') expect(f.advance(cp(d))).toBe(digit);
    expect(f.advance(cp('\u00a0'))).toBe(f.advance(cp(' ')));
    expect(f.advance(cp('\u202f'))).toBeLessThan(f.advance(cp(' ')));
    expect(f.width('1 234,56 ₽', 10)).toBeCloseTo(
      ((6 * digit + 2 * f.advance(32) + f.advance(cp(',')) + f.advance(cp('₽'))) * 10) / 1000,
      9,
    );
    expect(fonts().bold.width('Итого', 10)).toBeGreaterThan(f.width('Итого', 10));
  });
});

describe('per-document encoding (CIDs, W, CIDToGIDMap, ToUnicode)', () => {
  it('gives each distinct character one CID in order of use, and the maps agree', () => {
    const f = fonts().regular;
    const enc = new FontEncoder(f);
    expect(enc.encode('Да, да')).toBe('000100020003000400050002');
    expect(enc.encode('а\u00a0₽ ')).toBe('0002000600070004');
    expect(enc.codePoints).toEqual([0, cp('Д'), cp('а'), cp(','), cp(' '), cp('д'), cp('\u00a0'), cp('₽')]);
    expect(enc.widthsArray()).toBe(
      `[1 [${enc.codePoints
        .slice(1)
        .map((c) => f.advance(c))
        .join(' ')}]]`,
    );
    const map = enc.cidToGidMap();
    expect(map.length).toBe(2 * enc.codePoints.length);
    enc.codePoints.forEach((c, cid) => {
      expect(map[cid * 2]! * 256 + map[cid * 2 + 1]!).toBe(cid === 0 ? 0 : f.glyph(c));
    });
    const cmap = parseToUnicode(enc.toUnicode());
    expect([...cmap.entries()]).toEqual(enc.codePoints.slice(1).map((c, i) => [i + 1, String.fromCodePoint(c)]));
  });

  it('a no-break space keeps its own CID (it extracts as U+00A0); a character the font lacks still extracts', () => {
    const enc = new FontEncoder(fonts().regular);
    const hex = enc.encode(' \u00a0😀');
    expect(new Set(hex.match(/.{4}/g)).size).toBe(3);
    const cmap = parseToUnicode(enc.toUnicode());
    expect(cmap.get(2)).toBe('\u00a0');
    expect(cmap.get(3)).toBe('😀');
    expect(enc.toUnicode()).toContain('<0003> <D83DDE00>');
    const map = enc.cidToGidMap();
    expect(map[6]! * 256 + map[7]!).toBe(0);
    expect(utf16Hex(0x1f600)).toBe('D83DDE00');
  });

  it('ToUnicode is split into bfchar blocks of at most 100 entries', () => {
    const enc = new FontEncoder(fonts().regular);
    enc.encode(
      `${Array.from({ length: 150 }, (_, i) => String.fromCodePoint(0x410 + (i % 64), 0x30 + (i % 10))).join(
        '',
      )}abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?`,
    );
    const counts = [...enc.toUnicode().matchAll(/(\d+) beginbfchar/g)].map((m) => Number(m[1]));
    expect(counts.every((n) => n <= 100)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(enc.codePoints.length - 1);
  });
});

describe('glyph subsetting', () => {
  it('keeps the used glyphs byte for byte with their components, empties the rest, and the font still parses', () => {
    const f = fonts().regular;
    const ttf = f.ttf;
    const used = [...'Йё₽1'].map((ch) => f.glyph(cp(ch)));
    const keep = glyphClosure(ttf, used);
    // й/Й and ё are composites in DejaVu: their components (breve, и, е…) come along.
    expect(keep.size).toBeGreaterThan(used.length + 2);
    expect(keep.has(0)).toBe(true);
    const out = parseTrueType(subsetFont(ttf, used));
    expect(out.numGlyphs).toBe(ttf.numGlyphs);
    expect(out.longLoca).toBe(true);
    expect(out.cmap.get(cp('Й'))).toBe(f.glyph(cp('Й')));
    for (let g = 0; g < ttf.numGlyphs; g++) {
      if (keep.has(g)) {
        // The same outline, padded to four bytes.
        const [mine, theirs] = [glyphBytes(out, g), glyphBytes(ttf, g)];
        expect(mine.subarray(0, theirs.length), `glyph ${g}`).toEqual(theirs);
        expect(mine.length - theirs.length).toBeLessThan(4);
      } else expect(glyphBytes(out, g).length, `glyph ${g}`).toBe(0);
    }
    expect(out.bytes.length).toBeLessThan(ttf.bytes.length / 2);
  });

  it('writes valid table checksums and the head checksum adjustment', () => {
    const bytes = subsetFont(fonts().bold.ttf, [fonts().bold.glyph(cp('Ж'))]);
    const view = new DataView(bytes.buffer);
    const sum = (offset: number, length: number) => {
      let s = 0;
      for (let i = 0; i < ((length + 3) & ~3); i += 4) s = (s + view.getUint32(offset + i)) >>> 0;
      return s;
    };
    expect(sum(0, bytes.length)).toBe(0xb1b0afba);
    for (let i = 0; i < view.getUint16(4); i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
      if (tag === 'head') continue; // its own checksum is taken with the adjustment zeroed
      expect(sum(view.getUint32(rec + 8), view.getUint32(rec + 12)), tag).toBe(view.getUint32(rec + 4));
    }
  });
});

describe('PDF syntax helpers', () => {
  it('text strings are UTF-16BE hex with a BOM; numbers have at most two decimals and no exponent', () => {
    expect(textString('Я (a)\\')).toBe('<FEFF042F0020002800610029005C>');
    expect([num(1), num(1.005), num(-0.001), num(595.28), num(1e-7), num(12.3), num(10), num(20.5)]).toEqual([
      '1',
      '1',
      '0',
      '595.28',
      '0',
      '12.3',
      '10',
      '20.5',
    ]);
  });
});
