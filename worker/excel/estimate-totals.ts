/**
 * The figures under the estimate's lines table (excel/estimate.ts): the subtotal of each section
 * and then subtotal, discount, net, VAT and total — every one a formula over the cells above it
 * (SUMs of the lines, ROUND of the rates) carrying the value the shared pricing module computed,
 * so a viewer that does not recalculate shows the API's kopecks and one that does gets them again.
 */
import type { Worksheet } from 'exceljs';
import type { SharedQuote } from '../domain/shared-view';
import {
  colLetter as col,
  fitRowHeight,
  fromCenti,
  fromMilli,
  fromMinor,
  setFormula,
  setNumber,
  setSum,
  setText,
  styleRange,
} from './cells';
import type { EstimateWord } from './estimate';
import { C, INFO_WIDTH, LAST, type EstimateStyles } from './estimate-layout';

/** First and last row of a run of lines. */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * The subtotals by section from row `r` on, one per section of the view with the rows of its
 * lines in `ranges`; none when the quote has none. Answers the row after them.
 */
export function sectionSubtotals(
  ws: Worksheet,
  S: EstimateStyles,
  q: SharedQuote,
  w: (key: EstimateWord) => string,
  r: number,
  ranges: readonly RowSpan[],
): number {
  if (ranges.length !== q.sections.length) throw new Error('estimate: the lines and the view’s sections disagree');
  if (q.sections.length > 0) {
    ws.mergeCells(r, C.service, r, C.k);
    setText(ws.getCell(r, C.service), w('bySection'), S.bySection);
    r++;
    for (const [i, s] of q.sections.entries()) {
      const span = ranges[i]!;
      styleRange(ws, r, C.service, LAST, S.sectionBlank);
      ws.mergeCells(r, C.service, r, C.k);
      setText(ws.getCell(r, C.service), s.title || w('noSection'), S.sectionName);
      fitRowHeight(ws, r, [{ text: s.title, width: INFO_WIDTH }]);
      setSum(ws.getCell(r, C.normHours), C.normHours, span, fromCenti(s.normHoursCenti), S.sectionHours);
      setSum(ws.getCell(r, C.amount), C.amount, span, fromMinor(s.subtotalMinor), S.sectionMoney);
      r++;
    }
    r++;
  }
  return r;
}

/** The totals from row `r` on, the subtotal summing the rows of `lines`. Answers the row after them. */
export function totalRows(
  ws: Worksheet,
  S: EstimateStyles,
  q: SharedQuote,
  w: (key: EstimateWord) => string,
  r: number,
  lines: RowSpan,
): number {
  const t = q.totals;
  const totalLine = (text: string, kind: 'plain' | 'rule' | 'bold' = 'plain') => {
    if (kind !== 'plain') styleRange(ws, r, C.service, LAST, S.ruleBlank);
    ws.mergeCells(r, C.service, r, C.k);
    setText(ws.getCell(r, C.service), text, kind === 'plain' ? S.totalLabel : kind === 'rule' ? S.totalLabelRule : S.totalLabelBold);
    return r++;
  };
  const amountCell = (row: number) => ws.getCell(row, C.amount);
  const amountRef = (row: number) => `${col(C.amount)}${row}`;

  const subRow = totalLine(w('subtotal'), 'rule');
  setSum(ws.getCell(subRow, C.normHours), C.normHours, lines, fromCenti(t.normHoursCenti), S.ruleHoursBold);
  setSum(amountCell(subRow), C.amount, lines, fromMinor(t.subtotalMinor), S.ruleMoney);

  let netRow = subRow;
  if (q.quote.discountRateMilli > 0) {
    const d = totalLine(w('discount'));
    setNumber(ws.getCell(d, C.rate), fromMilli(q.quote.discountRateMilli), S.percent(q.quote.discountRateMilli));
    setFormula(amountCell(d), `ROUND(${amountRef(subRow)}*${col(C.rate)}${d},2)`, fromMinor(t.discountMinor), S.totalMoney);
    netRow = totalLine(w('net'));
    setFormula(amountCell(netRow), `${amountRef(subRow)}-${amountRef(d)}`, fromMinor(t.netMinor), S.totalMoney);
  }

  let vatRow: number;
  if (q.quote.vatMode === 'none') {
    vatRow = totalLine(w('noVat'));
    setNumber(amountCell(vatRow), 0, S.totalMoney);
  } else {
    const included = q.quote.vatMode === 'included';
    vatRow = totalLine(included ? w('vatIncluded') : w('vat'));
    setNumber(ws.getCell(vatRow, C.rate), fromMilli(q.quote.vatRateMilli), S.percent(q.quote.vatRateMilli));
    const rateRef = `${col(C.rate)}${vatRow}`;
    const formula = included ? `ROUND(${amountRef(netRow)}*${rateRef}/(1+${rateRef}),2)` : `ROUND(${amountRef(netRow)}*${rateRef},2)`;
    setFormula(amountCell(vatRow), formula, fromMinor(t.vatMinor), S.totalMoney);
  }

  const totalRow = totalLine(w('total'), 'bold');
  const totalFormula = q.quote.vatMode === 'on_top' ? `${amountRef(netRow)}+${amountRef(vatRow)}` : amountRef(netRow);
  setFormula(amountCell(totalRow), totalFormula, fromMinor(t.totalMinor), S.ruleMoneyBold);
  return r;
}
