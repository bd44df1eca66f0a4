/**
 * The PDF's part of bench/RESULTS.md: its summary rows and its section, written by a whole run
 * (document.ts) or patched into the existing file by `npm run bench -- --only pdf`, which
 * measures only the PDF and leaves every other figure as the last whole run wrote it.
 */
import type { PdfResults } from '../phases/pdf';
import type { Row } from './document';
import { kib, mib, ms, table, x } from './format';

export const PDF_GOALS = { estimate15Ms: 50, workerGzipBytes: 1024 * 1024 };

export function pdfRows(p: PdfResults): Row[] {
  const rows: Row[] = [];
  for (const c of p.cases) {
    const goal = c.n === 15;
    rows.push({
      area: 'PDF',
      measure: `Estimate, ${c.n} lines (${c.pages} pages): time in the Worker`,
      figure:
        `${ms(c.medianMs)} (mean ${ms(c.meanMs)}, best ${ms(c.bestMs)}, first ${ms(c.firstMs)}; cold isolate, 3 lines: ` +
        `${ms(c.coldMs ?? NaN)})`,
      baseline: `xlsx of the same lines: ${ms(c.xlsxMedianMs)}`,
      ratio: x(c.medianMs / Math.max(c.xlsxMedianMs, 1)),
      goal: goal ? `< ${PDF_GOALS.estimate15Ms} ms` : '— (none set)',
      verdict: goal ? (c.medianMs < PDF_GOALS.estimate15Ms ? 'met' : 'missed') : '—',
    });
  }
  if (p.bundle) {
    const b = p.bundle;
    rows.push({
      area: 'PDF',
      measure: 'Worker bundle with the PDF writer and fonts, gzipped',
      figure: `${kib(b.gzipBytes)} (worker/pdf/ adds ${kib(b.pdfGzipBytes)})`,
      baseline: `without worker/pdf/: ${kib(b.gzipBytes - b.pdfGzipBytes)}`,
      ratio: `${x(b.gzipBytes / PDF_GOALS.workerGzipBytes)} of the goal`,
      goal: `≤ ${mib(PDF_GOALS.workerGzipBytes)}`,
      verdict: b.gzipBytes <= PDF_GOALS.workerGzipBytes ? 'met' : 'missed',
    });
  }
  return rows;
}

export function pdfSection(p: PdfResults, separateRun: boolean): string {
  const rows = p.cases.map((c) => [
    String(c.n),
    String(c.pages),
    ms(c.medianMs),
    ms(c.meanMs),
    ms(c.bestMs),
    ms(c.firstMs),
    ms(c.coldMs ?? NaN),
    ms(c.xlsxMedianMs),
    x(c.medianMs / Math.max(c.xlsxMedianMs, 1)),
    `${kib(c.bytes)} (xlsx ${kib(c.xlsxBytes)})`,
    c.othersCores.toFixed(2),
  ]);
  const out = [
    '## PDF inside workerd',
    '',
    separateRun
      ? `Measured by \`npm run bench -- --only pdf\` on ${p.date} at commit \`${p.commit}\`; the other sections are from the whole ` +
        `run above.`
      : 'Measured in this run.',
    '',
    table(
      [
        'lines',
        'pages',
        'median',
        'mean',
        'best',
        'first',
        'cold (3 lines, new isolate)',
        'xlsx median',
        'pdf ÷ xlsx',
        'size',
        'others’ CPU (cores)',
      ],
      rows,
    ),
  ];
  if (p.bundle) {
    const b = p.bundle;
    out.push(
      '',
      `Bundle: the Worker is ${kib(b.gzipBytes)} gzipped (${mib(b.rawBytes)} raw); worker/pdf/ is ${kib(b.pdfRawBytes)} of it raw, of ` +
        `which the two DejaVu Sans subsets (base64 modules) ${kib(b.fontRawBytes)}, and adds ${kib(b.pdfGzipBytes)} to the gzipped size.`,
    );
  }
  out.push('', 'Why an own writer and not pdf-lib: see [PDF-LIB.md](PDF-LIB.md) (measured once, outside this bench).');
  return out.join('\n');
}

export const PDF_METHOD =
  "- **PDF:** the bench Worker renders test/pdf-sample.ts's sent quote (lines cycling through the price list, a section every 20 lines, " +
  "Russian) with the app's `renderEstimatePdf`, and writes the same quote as .xlsx as the baseline; a fresh workerd per size, a cold " +
  '3-line document (fonts decoded and parsed once per isolate, code compiled) and a 3-line warm-up, the first document, then 30 (15 ' +
  'lines) or 10 (100 lines) timed one by one (median, best) and as one batch (mean: finer than the 1 ms clock). The bundle figure ' +
  'is `wrangler deploy --dry-run` gzipped (zlib default level), and again without the modules of worker/pdf/.';

/** Replaces (or adds) the PDF rows, section and method bullet of an existing RESULTS.md. */
export function patchPdf(markdown: string, p: PdfResults): string {
  const lines = markdown.split('\n').filter((l) => !l.startsWith('| PDF |'));
  const newRows = pdfRows(p).map(
    (r) =>
      `| ${[
        r.area,
        r.measure,
        r.figure,
        r.baseline,
        r.ratio,
        r.goal,
        r.verdict === 'met' ? '**met**' : r.verdict === 'missed' ? '**MISSED**' : '—',
      ].join(' | ')} |`,
  );
  const lastExcel = lines.map((l, i) => (l.startsWith('| Excel |') ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  if (lastExcel < 0) throw new Error('RESULTS.md has no Excel rows to put the PDF rows after');
  lines.splice(lastExcel + 1, 0, ...newRows);
  let text = lines.join('\n');
  const met = (text.match(/\| \*\*met\*\* \|/g) ?? []).length;
  const missed = (text.match(/\| \*\*MISSED\*\* \|/g) ?? []).length;
  text = text.replace(/^## Summary: \d+ goals met, \d+ missed$/m, `## Summary: ${met} goals met, ${missed} missed`);
  const section = pdfSection(p, true);
  const existing = /^## PDF inside workerd\n[\s\S]*?(?=^## )/m;
  text = existing.test(text)
    ? text.replace(existing, `${section}\n\n`)
    : text.replace(/^## The monthly consumption report at scale$/m, `${section}\n\n## The monthly consumption report at scale`);
  if (!text.includes('- **PDF:**')) text = text.replace(/^(- \*\*Reports:\*\*)/m, `${PDF_METHOD}\n$1`);
  else text = text.replace(/^- \*\*PDF:\*\*.*$/m, PDF_METHOD);
  return text;
}
