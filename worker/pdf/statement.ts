/**
 * A customer's month statement («выписка» / «акт») as an A4 PDF: the parties, the month's
 * balance (opening, top-ups, debits, corrections, closing), the top-ups with their payments, the
 * debits under each work order and stage — every service planned against actual, with its net,
 * VAT and total — the corrections with their reasons and what they correct, the money of the
 * month's services, the acknowledgement and the signature block, kept together with the totals.
 * Every figure is the statement's (domain/statement.ts), formatted by domain/format.ts.
 */
import { currencySymbol, formatDay, formatFixed, formatMilli, formatMoney, type Lang } from '../domain/format';
import type { Statement } from '../domain/statement';
import { lowerFirst, upperFirst } from '../domain/words/case';
import { LEDGER_KIND_WORDS, TOPUP_KIND_WORDS } from '../domain/words/kinds';
import { monthTitle } from '../domain/words/months';
import { say, wordsOf } from '../domain/words/words';
import { STATEMENT_SHEET_WORDS } from '../excel/statement';
import { CONTENT_WIDTH, FRAME, S, columns, heading, note, parties, run, sectionTitle, signatures, totalsRows } from './blocks';
import { fonts as loadFonts, type Fonts } from './font';
import { addFooters, paginate, type Block, type TextStyle } from './layout';
import { row, type Column } from './table';
import { writePdf } from './writer';

/** The same entries as the Excel statement. */
export const STATEMENT_PDF_WORDS = STATEMENT_SHEET_WORDS;

// Money in the tables without its symbol (the column heads carry it), so a figure never wraps.
// Debits: service | planned h | actual h | K | planned nh | debited nh | net | VAT | total
const DEBIT_COLS = columns([0, 34, 34, 22, 44, 44, 60, 54, 60], 0, [
  'left',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
]);
// Top-ups: date | payment | norm-h | net | VAT | total
const TOPUP_COLS = columns([54, 0, 48, 66, 58, 66], 1, ['left', 'left', 'right', 'right', 'right', 'right']);
// Corrections: date | reason and what it corrects | norm-h | net | VAT | total
const CORRECTION_COLS = TOPUP_COLS;

function table(fonts: Fonts, cols: Column[], heads: string[], body: (header: Block) => Block[], empty: string): Block[] {
  const header = row(
    fonts,
    cols,
    heads.map((h) => [run(h, S.head)]),
    { fill: 0.92, topRule: 0.8, paddingY: 3.5 },
  );
  const rows = body(header);
  if (rows.length === 0) rows.push(row(fonts, cols, [[run(empty, S.cellNote, 1)]], { spans: [[0, cols.length]], header }));
  return [{ ...header, spaceBefore: 4, keepWithNext: true }, ...rows];
}

export function layoutStatement(s: Statement, lang: Lang, fonts = loadFonts()) {
  const w = wordsOf(STATEMENT_PDF_WORDS, lang);
  const money = (m: number) => formatMoney(m, s.currency, lang);
  const figure = (m: number) => formatFixed(m, 2, lang);
  const hours = (c: number) => formatFixed(c, 2, lang);
  const cur = currencySymbol(s.currency);
  const c = s.customer;
  const period = monthTitle(s.month, lang);
  const blocks: Block[] = heading(
    fonts,
    s.company.name,
    `${w('statementFile')} · ${period}`,
    [c.name, s.closed ? w('monthClosed') : w('monthOpen')],
    `${w('statementTitle')} ${w('statementFor')} ${period}`,
  );
  blocks.push(
    parties(
      fonts,
      { label: w('contractor'), name: s.company.name, lines: [s.company.details] },
      {
        label: w('customer'),
        name: c.legalName || c.name,
        lines: [c.legalName && c.legalName !== c.name ? c.name : '', c.taxId ? `${w('taxId')} ${c.taxId}` : '', c.address],
      },
    ),
  );
  const t = s.totals;
  blocks.push(
    ...totalsRows(fonts, [
      [w('openingRow'), hours(s.openingCenti), false],
      [upperFirst(w('topupColumn')), hours(t.topupsCenti), false],
      [upperFirst(w('debitColumn')), hours(t.debits.normHoursCenti), false],
      [upperFirst(w('correctionColumn')), hours(t.correctionsCenti), false],
      [w('closingRow'), hours(s.closingCenti), true],
    ]),
  );
  blocks[blocks.length - 1]!.keepWithNext = false;
  const moneyHeads = [w('netColumn'), w('vat'), w('totalColumn')].map((h) => `${h}, ${cur}`);

  blocks.push(sectionTitle(fonts, w('topupsSection')));
  blocks.push(
    ...table(
      fonts,
      TOPUP_COLS,
      [w('date'), w('paymentRef'), w('hoursColumn'), ...moneyHeads],
      (header) =>
        s.topups.map((x) => {
          const kind = x.topupKind ? say(lang, TOPUP_KIND_WORDS[x.topupKind]) : say(lang, LEDGER_KIND_WORDS.topup);
          const what = [x.paymentRef, x.invoiceNumber && x.invoiceNumber !== x.paymentRef ? `${w('invoiceColumn')} ${x.invoiceNumber}` : '']
            .filter(Boolean)
            .join(' · ');
          return row(
            fonts,
            TOPUP_COLS,
            [
              [run(formatDay(x.date, lang), S.cell)],
              [run(what || kind, S.cell, 2), run([kind, x.memo].filter(Boolean).join(' · '), S.cellNote, 2)],
              [run(hours(x.normHoursCenti), S.cell)],
              [run(figure(x.netMinor), S.cell)],
              [run(figure(x.vatMinor), S.cell)],
              [run(figure(x.totalMinor), S.cell)],
            ],
            { header },
          );
        }),
      w('noTopups'),
    ),
  );

  blocks.push(sectionTitle(fonts, w('debitsSection')));
  const debitHeads = [
    w('service'),
    w('plannedHours'),
    w('actualHours'),
    w('k'),
    w('plannedNorm'),
    w('debitedNorm').replace(', ', ',\n'),
    ...moneyHeads,
  ];
  blocks.push(
    ...table(
      fonts,
      DEBIT_COLS,
      debitHeads,
      (header) => {
        const out: Block[] = [];
        const figures = (
          x: { plannedNormHoursCenti: number; normHoursCenti: number; netMinor: number; vatMinor: number; totalMinor: number },
          style: TextStyle = S.cell,
        ) =>
          [hours(x.plannedNormHoursCenti), hours(x.normHoursCenti), figure(x.netMinor), figure(x.vatMinor), figure(x.totalMinor)].map(
            (v) => [run(v, style)],
          );
        for (const o of s.orders) {
          out.push(
            row(fonts, DEBIT_COLS, [[run(o.orderNumber ? `${w('order')} ${o.orderNumber}` : w('otherDebits'), S.cellBold, 2)]], {
              spans: [[0, 9]],
              fill: 0.96,
              header,
              keepWithNext: true,
            }),
          );
          for (const st of o.stages) {
            const stage = `${st.n !== null ? `${w('stage')} ${st.n}. ` : ''}${st.title} · ${formatDay(st.date, lang)}`;
            out.push(row(fonts, DEBIT_COLS, [[run(stage, S.cellBold, 3)]], { spans: [[0, 9]], header, keepWithNext: true }));
            for (const it of st.items) {
              out.push(
                row(
                  fonts,
                  DEBIT_COLS,
                  [
                    [run(`${it.code} ${it.title}`.trim(), S.cell, 3), run(it.categoryName, S.cellNote, 1)],
                    [run(hours(it.plannedHoursCenti), S.cell)],
                    [run(hours(it.hoursCenti), S.cell)],
                    [run(formatMilli(it.kMilli, lang), S.cell)],
                    ...figures(it),
                  ],
                  { header },
                ),
              );
            }
            if (st.items.length === 0)
              out.push(row(fonts, DEBIT_COLS, [[run(st.title, S.cell, 2)], [], [], [], ...figures(st)], { header }));
          }
          out.push(
            row(
              fonts,
              DEBIT_COLS,
              [[run(o.orderNumber ? w('orderTotal') : w('total'), S.cellBold)], [], [], [], ...figures(o, S.cellBold)],
              { header },
            ),
          );
        }
        return out;
      },
      w('noDebits'),
    ),
  );

  blocks.push(sectionTitle(fonts, w('correctionsSection')));
  blocks.push(
    ...table(
      fonts,
      CORRECTION_COLS,
      [w('date'), `${w('reason')} · ${w('corrects')}`, w('hoursColumn'), ...moneyHeads],
      (header) =>
        s.corrections.map((x) => {
          const corrects = x.corrects
            ? `${w('corrects')}: ${formatDay(x.corrects.date, lang)} ${say(lang, LEDGER_KIND_WORDS[x.corrects.kind])} — ${x.corrects.memo}`
            : '';
          return row(
            fonts,
            CORRECTION_COLS,
            [
              [run(formatDay(x.date, lang), S.cell)],
              [run(x.memo, S.cell, 3), run(corrects, S.cellNote, 2)],
              [run(hours(x.normHoursCenti), S.cell)],
              [run(figure(x.netMinor), S.cell)],
              [run(figure(x.vatMinor), S.cell)],
              [run(figure(x.totalMinor), S.cell)],
            ],
            { header },
          );
        }),
      w('noCorrections'),
    ),
  );

  // The last row of the corrections, the money of the month and the signatures: one chain, never split.
  blocks[blocks.length - 1]!.keepWithNext = true;
  const tail: Block[] = [
    ...totalsRows(
      fonts,
      [
        [`${w('debitsTotal')} (${lowerFirst(w('netColumn'))})`, money(t.debits.netMinor), false],
        [`${w('correctionsTotal')} (${lowerFirst(w('netColumn'))})`, money(t.corrections.netMinor), false],
        [`${w('servicesTotal')} (${lowerFirst(w('netColumn'))})`, money(t.services.netMinor), false],
        [w('vat'), money(t.services.vatMinor), false],
        [`${w('servicesTotal')} (${lowerFirst(w('totalColumn'))})`, money(t.services.totalMinor), true],
        [w('topupsTotal'), money(t.topupsMinor), false],
      ],
      240,
      100,
    ),
    ...note(fonts, [w('legendStatement'), w('rendered')], 10),
    signatures(
      fonts,
      [
        { label: w('contractor'), name: s.company.name },
        { label: w('customer'), name: c.legalName || c.name },
      ],
      { signature: w('signature'), signatureName: w('signatureName'), stamp: w('stamp') },
    ),
  ];
  tail.slice(0, -1).forEach((b) => {
    b.keepWithNext = true;
  });
  blocks.push(...tail);
  const { pages, placed } = paginate(blocks, FRAME);
  addFooters(
    pages,
    fonts,
    { ...FRAME, width: CONTENT_WIDTH },
    `${w('statementFile')} · ${c.name} · ${period} · ${s.company.name}`,
    (i, n) => `${w('page')} ${i} ${w('of')} ${n}`,
  );
  return { pages, placed, tail };
}

export async function renderStatementPdf(s: Statement, lang: Lang): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = loadFonts();
  const w = wordsOf(STATEMENT_PDF_WORDS, lang);
  const { pages } = layoutStatement(s, lang, fonts);
  return writePdf(
    pages,
    {
      title: `${w('statementFile')} ${s.month} · ${s.customer.name}`,
      subject: w('statementTitle'),
      author: s.company.name,
      lang,
      createdAt: new Date(s.generatedAt),
    },
    fonts,
    {},
  );
}
