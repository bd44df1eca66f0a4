/**
 * Cuts DejaVu Sans (regular and bold) down to what an estimate prints — Latin, Cyrillic,
 * digits, punctuation, the spaces and symbols of our money and dates (₽ № « » — – × · NBSP,
 * narrow NBSP, …) — and writes each face as a base64 TypeScript module under worker/pdf/fonts/,
 * so the Worker bundles it in wrangler dev, wrangler deploy and the workerd test pool alike
 * without a module rule. Run by hand when the character set changes; CI uses the committed files.
 *
 *   apt-get install fonts-dejavu-core python3-fonttools
 *   npx tsx scripts/pdf-font-subset.ts
 *
 * Hinting, layout tables (GSUB/GPOS/kern) and glyph names are dropped: the PDF writer neither
 * shapes nor kerns, and viewers render unhinted outlines well at print sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = process.env.DEJAVU_DIR ?? '/usr/share/fonts/truetype/dejavu';
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

/** Every range, with why it is there. */
export const UNICODES = [
  'U+0020-007E', // Basic Latin: letters, digits, ASCII punctuation, $ %
  'U+00A0-017F', // NBSP, « » · × ÷ ± § ©, Latin-1 letters and Latin Extended-A (names like Łódź, Šiauliai)
  'U+0400-045F', // Cyrillic: Russian, Ukrainian, Belarusian, Serbian, Macedonian
  'U+0490-0491', // Ґ ґ
  'U+2000-200A', // spaces of every width (thin space in dates and numbers)
  'U+2010-2027', // hyphens, – —, ‘ ’ „ “ ”, †, •, …
  'U+202F', // narrow no-break space
  'U+2030', // ‰
  'U+2039-203A', // ‹ ›
  'U+20AC,U+20B8,U+20BD', // € ₸ ₽ (format.ts's currency symbols; $ is ASCII, Br is Latin)
  'U+2116', // №
  'U+2122', // ™
  'U+2190-2193', // ← ↑ → ↓
  'U+2212', // − (format.ts's minus)
  'U+2248,U+2260,U+2264-2265', // ≈ ≠ ≤ ≥
  'U+25CF', // ●
].join(',');

const FACES = [
  { file: 'DejaVuSans.ttf', name: 'DEJAVU_SANS', out: 'dejavu-sans.ts' },
  { file: 'DejaVuSans-Bold.ttf', name: 'DEJAVU_SANS_BOLD', out: 'dejavu-sans-bold.ts' },
];

const work = mkdtempSync(join(tmpdir(), 'font-subset-'));
try {
  for (const face of FACES) {
    const out = join(work, face.file);
    execFileSync(PYTHON, [
      '-m',
      'fontTools.subset',
      join(SOURCE, face.file),
      `--unicodes=${UNICODES}`,
      '--no-hinting',
      '--layout-features=',
      '--notdef-outline',
      '--name-IDs=*',
      '--name-languages=*',
      '--drop-tables+=kern,GDEF,GSUB,GPOS,FFTM',
      `--output-file=${out}`,
    ]);
    const bytes = readFileSync(out);
    const module = [
      `// DejaVu Sans${face.file.includes('Bold') ? ' Bold' : ''}, subset by scripts/pdf-font-subset.ts (do not edit). Licence: ` +
        `./LICENSE-DejaVu.txt`,
      `// ${bytes.length} bytes of TrueType, base64.`,
      `export const ${face.name} = [`,
      ...(bytes.toString('base64').match(/.{1,128}/g) ?? []).map((chunk) => `  '${chunk}',`),
      "].join('');",
      '',
    ].join('\n');
    writeFileSync(join(ROOT, 'worker/pdf/fonts', face.out), module);
    console.log(`${face.out}: ${bytes.length} B`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
