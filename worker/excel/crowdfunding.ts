/**
 * The crowdfunding comparison as .xlsx: the 2–4 compared projects side by side with the
 * figures of the comparison screen — price, norm-hours, confirmed, promised, remaining,
 * funded %, co-funders, the share of each of N new co-funders (norm-hours and money) and,
 * when a customer is chosen, whether their balance covers that share — with the best
 * value of each row marked as the screen marks it (★, bold, a green fill; no mark when
 * every project has the same value).
 *
 * The figures that derive from others are live formulas, each with the value the API
 * computed in exact integer arithmetic as its cached result:
 *   remaining   = MAX(0, ROUND(norm-hours − promised − confirmed, 2))
 *   funded      = confirmed ÷ norm-hours, rounded down to 0.1 % (0 without norm-hours); promised
 *                 likewise, in a row of its own: a promise is not money
 *   share       = the remainder in hundredths ÷ N, rounded up to the hundredth (the largest
 *                 of N shares that differ by at most 0.01 and add up to the remainder)
 *   share money = ROUND(share × rate, 2)
 *   covers      = ROUND(balance + overdraft − what queued orders need, 2) ≥ share
 * The inner ROUNDs keep binary floating point from tipping a hundredth or a thousandth.
 */
import ExcelJS from './exceljs';
import type { ComparisonT } from '../../schema/api';
import { bestOf } from '../domain/crowdfunding';
import { formatFixed, stampText, type Lang } from '../domain/format';
import { CROWDFUNDING_WORDS } from '../domain/words/crowdfunding';
import { DOCUMENT_WORDS } from '../domain/words/documents';
import { LEDGER_WORDS } from '../domain/words/ledger';
import { PROJECT_STATUS_WORDS } from '../domain/words/statuses';
import { vocabulary } from '../domain/words/vocabulary';
import { say, wordsOf } from '../domain/words/words';
import {
  GRID,
  HEADER_FILL,
  HOURS_FORMAT,
  INTEGER_FORMAT,
  SECTION_FILL,
  Styles,
  colLetter as col,
  dateFormat,
  fill,
  fitRowHeight,
  freezeHeader,
  fromCenti,
  fromMilli,
  fromMinor,
  markedFormat,
  moneyFormat,
  printSetup,
  setDate,
  setFormula,
  setNumber,
  setProperties,
  setText,
  toArrayBuffer,
  type StyleSpec,
} from './cells';

type Project = ComparisonT['projects'][number];

export interface CompareInput {
  comparison: ComparisonT;
  /** The norm-hour rate the comparison priced shares at, and its currency. */
  rateMinor: number;
  currency: string;
  companyName: string;
  timeZone: string;
  /** The chosen customer's allowed overdraft (0 without a customer). */
  overdraftCenti: number;
  generatedAt: Date;
}

/** The words the comparison reads: the documents', the ledger's (balance, overdraft) and its own. */
export const COMPARE_SHEET_WORDS = vocabulary(DOCUMENT_WORDS, LEDGER_WORDS, CROWDFUNDING_WORDS);
type Word = keyof typeof COMPARE_SHEET_WORDS;

export const BEST_MARK = '★';
export const BEST_FILL = fill('FFE2EFDA');
const LABEL_WIDTH = 46;
const PROJECT_WIDTH = 24;

/** "1 × 3,34 + 2 × 3,33": how the remainder divides into N shares. */
export function sharesText(sharesCenti: readonly number[], lang: Lang): string {
  const counts = new Map<number, number>();
  for (const s of sharesCenti) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([share, count]) => `${count} × ${formatFixed(share, 2, lang)}`)
    .join(' + ');
}

export async function compareWorkbook(input: CompareInput, lang: Lang): Promise<ArrayBuffer> {
  const { comparison: cmp } = input;
  const w = wordsOf(COMPARE_SHEET_WORDS, lang);
  const projects = cmp.projects;
  const LAST = 1 + projects.length;
  const wb = new ExcelJS.Workbook();
  setProperties(wb, {
    title: w('title'),
    subject: projects.map((p) => `${p.code} ${p.title}`).join('; '),
    company: input.companyName,
    keywords: projects.map((p) => p.code).join('; '),
    lang,
    created: input.generatedAt,
  });
  const st = new Styles();
  const money = moneyFormat(input.currency, lang);
  const S = {
    title: st.text({ bold: true, size: 14 }),
    subtitle: st.text({ grey: true, size: 9, wrap: true }),
    label: st.text({ grey: true }),
    paramMoney: st.get({ numFmt: money, bold: true, h: 'left' }),
    paramHours: st.get({ numFmt: HOURS_FORMAT, bold: true, h: 'left' }),
    paramInt: st.get({ numFmt: INTEGER_FORMAT, bold: true, h: 'left' }),
    paramText: st.text({ bold: true, wrap: true }),
    headLabel: st.text({ bold: true, v: 'middle', fill: HEADER_FILL, border: GRID }),
    headProject: st.text({ bold: true, h: 'center', v: 'middle', wrap: true, fill: HEADER_FILL, border: GRID }),
    infoLabel: st.text({ grey: true, fill: SECTION_FILL, border: GRID }),
    infoText: st.text({ h: 'center', fill: SECTION_FILL, border: GRID }),
    infoDate: st.get({ numFmt: dateFormat(lang), h: 'center', fill: SECTION_FILL, border: GRID }),
    infoNames: st.text({ wrap: true, size: 9, fill: SECTION_FILL, border: GRID }),
    rowLabel: st.text({ border: GRID, wrap: true }),
    sharesText: st.text({ h: 'right', grey: true, size: 9, border: GRID }),
    legend: st.text({ size: 8, grey: true, wrap: true }),
  };
  /** The look of a figure: plain, or the row's best (bold, green, ★ after the value). */
  const figure = (numFmt: string, best: boolean, h: StyleSpec['h'] = 'right') =>
    best
      ? st.get({ numFmt: markedFormat(numFmt, BEST_MARK), h, bold: true, fill: BEST_FILL, border: GRID })
      : st.get({ numFmt, h, border: GRID });

  const ws = wb.addWorksheet(w('sheet'), { properties: { defaultRowHeight: 12.75 } });
  ws.getColumn(1).width = LABEL_WIDTH;
  for (let c = 2; c <= LAST; c++) ws.getColumn(c).width = PROJECT_WIDTH;

  // ---- heading and the parameters the formulas use ----
  ws.mergeCells(1, 1, 1, LAST);
  setText(ws.getCell('A1'), w('title'), S.title);
  ws.getRow(1).height = 20;
  ws.mergeCells(2, 1, 2, LAST);
  setText(
    ws.getCell('A2'),
    `${input.companyName} · ${w('generated')} ${stampText(input.generatedAt, input.timeZone, lang)} (${input.timeZone})`,
    S.subtitle,
  );
  ws.getRow(3).height = 6;
  let r = 4;
  const param = (key: Word, set: (cell: ExcelJS.Cell) => void) => {
    setText(ws.getCell(r, 1), w(key), S.label);
    set(ws.getCell(r, 2));
    return `$B$${r++}`;
  };
  const RATE = param('rate', (cell) => setNumber(cell, fromMinor(input.rateMinor), S.paramMoney));
  const N = param('n', (cell) => setNumber(cell, cmp.n, S.paramInt));
  let BALANCE = '';
  let OVERDRAFT = '';
  let QUEUED = '';
  if (cmp.customer) {
    if (LAST > 2) ws.mergeCells(r, 2, r, LAST);
    const name = cmp.customer.name;
    param('customer', (cell) => setText(cell, name, S.paramText));
    fitRowHeight(ws, r - 1, [{ text: name, width: PROJECT_WIDTH * (LAST - 1) }]);
    BALANCE = param('balance', (cell) => setNumber(cell, fromCenti(cmp.customer!.balanceCenti), S.paramHours));
    OVERDRAFT = param('overdraft', (cell) => setNumber(cell, fromCenti(input.overdraftCenti), S.paramHours));
    QUEUED = param('queued', (cell) => setNumber(cell, fromCenti(cmp.customer!.queuedCenti), S.paramHours));
  }
  ws.getRow(r).height = 8;
  r++;

  // ---- the projects side by side ----
  const HEADER = r;
  setText(ws.getCell(HEADER, 1), w('figure'), S.headLabel);
  projects.forEach((p, i) => {
    setText(ws.getCell(HEADER, 2 + i), p.title, S.headProject);
  });
  fitRowHeight(
    ws,
    HEADER,
    projects.map((p) => ({ text: p.title, width: PROJECT_WIDTH - 1 })),
  );
  r++;
  const info = (key: Word, set: (cell: ExcelJS.Cell, p: Project) => void) => {
    setText(ws.getCell(r, 1), w(key), S.infoLabel);
    projects.forEach((p, i) => {
      set(ws.getCell(r, 2 + i), p);
    });
    r++;
  };
  info('code', (cell, p) => setText(cell, p.code, S.infoText));
  info('status', (cell, p) => setText(cell, say(lang, PROJECT_STATUS_WORDS[p.status]), S.infoText));
  info('targetDate', (cell, p) => (p.targetDate ? setDate(cell, p.targetDate, S.infoDate) : setText(cell, '—', S.infoText)));
  const names = (p: Project) =>
    p.cofunders.map((f) => `${f.name} (${formatFixed(f.promisedCenti, 2, lang)} / ${formatFixed(f.confirmedCenti, 2, lang)})`).join('\n') ||
    '—';
  info('cofunderNames', (cell, p) => setText(cell, names(p), S.infoNames));
  fitRowHeight(
    ws,
    r - 1,
    projects.map((p) => ({ text: names(p), width: PROJECT_WIDTH - 1 })),
  );

  /** One figure row; returns its row number, so later formulas can refer to it. */
  const rows: Partial<Record<Word, number>> = {};
  const figureRow = (
    key: Word,
    label: string,
    numFmt: string,
    best: Set<number>,
    set: (cell: ExcelJS.Cell, p: Project, style: Partial<ExcelJS.Style>, c: string) => void,
    h?: StyleSpec['h'],
  ) => {
    setText(ws.getCell(r, 1), label, S.rowLabel);
    projects.forEach((p, i) => {
      set(ws.getCell(r, 2 + i), p, figure(numFmt, best.has(p.id), h), col(2 + i));
    });
    rows[key] = r;
    return r++;
  };
  const ref = (key: Word, c: string) => `${c}${rows[key]}`;
  const b = (score: (p: Project) => number, best: 'min' | 'max') => bestOf(projects, score, best);
  const byShare = b((p) => p.perFunderMinor, 'min'); // the screen ranks the share by its money

  figureRow(
    'price',
    w('price'),
    money,
    b((p) => p.priceMinor, 'min'),
    (cell, p, s) => setNumber(cell, fromMinor(p.priceMinor), s),
  );
  figureRow(
    'normHours',
    w('normHours'),
    HOURS_FORMAT,
    b((p) => p.normHoursCenti, 'min'),
    (cell, p, s) => setNumber(cell, fromCenti(p.normHoursCenti), s),
  );
  figureRow(
    'confirmed',
    w('confirmed'),
    HOURS_FORMAT,
    b((p) => p.confirmedCenti, 'max'),
    (cell, p, s) => setNumber(cell, fromCenti(p.confirmedCenti), s),
  );
  figureRow(
    'promised',
    w('promised'),
    HOURS_FORMAT,
    b((p) => p.promisedCenti, 'max'),
    (cell, p, s) => setNumber(cell, fromCenti(p.promisedCenti), s),
  );
  figureRow(
    'remaining',
    w('remaining'),
    HOURS_FORMAT,
    b((p) => p.remainingCenti, 'min'),
    (cell, p, s, c) =>
      setFormula(
        cell,
        `MAX(0,ROUND(${ref('normHours', c)}-${ref('promised', c)}-${ref('confirmed', c)},2))`,
        fromCenti(p.remainingCenti),
        s,
      ),
  );
  figureRow(
    'funded',
    w('funded'),
    '0.0%',
    b((p) => p.fundedMilli, 'max'),
    (cell, p, s, c) =>
      setFormula(
        cell,
        `IF(${ref('normHours', c)}>0,ROUNDDOWN(ROUND(${ref('confirmed', c)}/${ref('normHours', c)},12),3),0)`,
        fromMilli(p.fundedMilli),
        s,
      ),
  );
  figureRow(
    'promisedPercent',
    w('promisedPercent'),
    '0.0%',
    b((p) => p.promisedMilli, 'max'),
    (cell, p, s, c) =>
      setFormula(
        cell,
        `IF(${ref('normHours', c)}>0,ROUNDDOWN(ROUND(${ref('promised', c)}/${ref('normHours', c)},12),3),0)`,
        fromMilli(p.promisedMilli),
        s,
      ),
  );
  figureRow(
    'funders',
    w('funders'),
    INTEGER_FORMAT,
    b((p) => p.funders, 'max'),
    (cell, p, s) => setNumber(cell, p.funders, s),
  );
  figureRow('share', w('share'), HOURS_FORMAT, byShare, (cell, p, s, c) =>
    setFormula(cell, `ROUNDUP(ROUND(${ref('remaining', c)}*100,0)/${N},0)/100`, fromCenti(p.perFunderCenti), s),
  );
  figureRow('shareMoney', w('shareMoney'), money, byShare, (cell, p, s, c) =>
    setFormula(cell, `ROUND(${ref('share', c)}*${RATE},2)`, fromMinor(p.perFunderMinor), s),
  );
  setText(ws.getCell(r, 1), w('shares'), S.rowLabel);
  projects.forEach((p, i) => {
    setText(ws.getCell(r, 2 + i), sharesText(p.sharesCenti, lang), S.sharesText);
  });
  rows.shares = r++;
  if (cmp.customer) {
    const best = b((p) => (p.customerCovers ? 1 : 0), 'max');
    const label = `${w('covers')} (${cmp.customer.name})`;
    figureRow(
      'covers',
      label,
      '@',
      best,
      (cell, p, s, c) =>
        setFormula(
          cell,
          `IF(ROUND(${BALANCE}+${OVERDRAFT}-${QUEUED},2)>=${ref('share', c)},"${w('yes')}","${w('no')}")`,
          p.customerCovers ? w('yes') : w('no'),
          s,
        ),
      'center',
    );
    fitRowHeight(ws, r - 1, [{ text: label, width: LABEL_WIDTH }]);
  }

  // ---- the legend ----
  r++;
  for (const key of ['legendBest', 'legendFormulas', ...(cmp.customer ? ['legendCovers' as const] : [])] as Word[]) {
    ws.mergeCells(r, 1, r, LAST);
    setText(ws.getCell(r, 1), w(key), S.legend);
    fitRowHeight(ws, r, [{ text: w(key), width: (LABEL_WIDTH + PROJECT_WIDTH * (LAST - 1)) * 1.2, size: 8 }]);
    r++;
  }

  freezeHeader(ws, HEADER, 1);
  printSetup(ws, {
    landscape: projects.length >= 3,
    repeatRow: HEADER,
    footerLeft: input.companyName,
    footerRight: `${w('title')} · ${projects.map((p) => p.code).join(', ')}`,
  });
  return toArrayBuffer(wb);
}
