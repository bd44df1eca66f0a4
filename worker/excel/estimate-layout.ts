/**
 * The estimate sheet's columns and looks (excel/estimate.ts): where each figure of a line sits,
 * the widths the text columns are fitted to, and the styles of the heading, the lines table and
 * the totals under it — shared by the module that writes the table and the one that writes the
 * formulas summing it, so both address the same cells and draw them alike.
 */
import type { Lang } from '../domain/format';
import {
  GRID,
  HAIRLINE,
  HEADER_FILL,
  HOURS_FORMAT,
  INTEGER_FORMAT,
  PLAIN_FORMAT,
  SECTION_FILL,
  TOP_RULE,
  TOTAL_FILL,
  dateFormat,
  moneyFormat,
  percentFormat,
  type Styles,
} from './cells';

// Columns of the estimate sheet.
export const C = { no: 1, code: 2, service: 3, qty: 4, hours: 5, k: 6, normHours: 7, rate: 8, amount: 9 } as const;
export const LAST = C.amount;
export const SERVICE_WIDTH = 46;
/** The width of the heading's text block (service to K), to fit its rows' heights to. */
export const INFO_WIDTH = SERVICE_WIDTH + 8 + 9 + 6;

export type EstimateStyles = ReturnType<typeof estimateStyles>;

/** The few looks the sheet uses, each one shared object (see `Styles`). */
export function estimateStyles(st: Styles, currency: string, lang: Lang) {
  const money = moneyFormat(currency, lang);
  return {
    title: st.text({ bold: true, size: 14 }),
    subtitle: st.text({ bold: true, size: 12, wrap: true }),
    label: st.text({ grey: true }),
    value: st.text({ wrap: true }),
    valueBold: st.text({ bold: true, wrap: true }),
    valueSmall: st.text({ grey: true, size: 9, wrap: true }),
    sideText: st.text({ h: 'right' }),
    sideWrap: st.text({ h: 'right', wrap: true }),
    sideDate: st.get({ numFmt: dateFormat(lang), h: 'right' }),
    sideMoney: st.get({ numFmt: money, h: 'right' }),
    header: st.text({ bold: true, h: 'center', v: 'middle', wrap: true, fill: HEADER_FILL, border: GRID }),
    sectionCell: st.get({ border: GRID, fill: SECTION_FILL }),
    sectionTitle: st.text({ bold: true, wrap: true, border: GRID, fill: SECTION_FILL }),
    no: st.get({ numFmt: INTEGER_FORMAT, h: 'center', border: GRID }),
    code: st.text({ border: GRID }),
    service: st.text({ wrap: true, border: GRID }),
    plain: st.get({ numFmt: PLAIN_FORMAT, border: GRID }),
    hours: st.get({ numFmt: HOURS_FORMAT, border: GRID }),
    money: st.get({ numFmt: money, border: GRID }),
    note: { font: { name: 'Arial', size: 9, italic: true, color: { argb: 'FF595959' } } },
    bySection: st.text({ bold: true }),
    sectionName: st.text({ wrap: true, border: HAIRLINE }),
    sectionHours: st.get({ numFmt: HOURS_FORMAT, border: HAIRLINE }),
    sectionMoney: st.get({ numFmt: money, border: HAIRLINE }),
    sectionBlank: st.get({ border: HAIRLINE }),
    totalLabel: st.text({ h: 'right' }),
    totalLabelRule: st.text({ h: 'right', border: TOP_RULE, fill: TOTAL_FILL }),
    totalLabelBold: st.text({ h: 'right', bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    ruleBlank: st.get({ border: TOP_RULE, fill: TOTAL_FILL }),
    ruleHoursBold: st.get({ numFmt: HOURS_FORMAT, bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    ruleMoney: st.get({ numFmt: money, border: TOP_RULE, fill: TOTAL_FILL }),
    ruleMoneyBold: st.get({ numFmt: money, bold: true, border: TOP_RULE, fill: TOTAL_FILL }),
    totalMoney: st.get({ numFmt: money }),
    percent: (milli: number) => st.get({ numFmt: percentFormat(milli), h: 'right' }),
    paragraph: st.text({ wrap: true }),
    small: st.text({ size: 8, grey: true }),
    empty: st.text({ italic: true, grey: true }),
  };
}
