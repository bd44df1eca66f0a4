/**
 * The estimate workbook's second sheet, "Услуги" / "Services": one card per distinct service —
 * what it is, what the customer gives, what they get, and its limits.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { SharedQuote } from '../domain/shared-view';
import { SECTION_FILL, fitRowHeight, printSetup, setText, type Styles } from './cells';
import type { EstimateWord } from './estimate';

/** One card per distinct service: what it is, what the customer gives, gets, and its limits. */
export function servicesSheet(wb: Workbook, q: SharedQuote, w: (key: EstimateWord) => string, st: Styles) {
  const ws: Worksheet = wb.addWorksheet(w('services'));
  const LABEL_WIDTH = 22;
  const TEXT_WIDTH = 92;
  const S = {
    title: st.text({ bold: true, size: 14 }),
    subtitle: st.text({ wrap: true }),
    head: st.text({ bold: true, wrap: true, fill: SECTION_FILL, border: { top: { style: 'thin', color: { argb: 'FF808080' } } } }),
    label: st.text({ grey: true, wrap: true }),
    text: st.text({ wrap: true }),
    empty: st.text({ italic: true, grey: true }),
  };
  ws.getColumn(1).width = LABEL_WIDTH;
  ws.getColumn(2).width = TEXT_WIDTH;
  setText(ws.getCell('A1'), `${w('servicesOfEstimate')} ${q.quote.number}`, S.title);
  ws.getRow(1).height = 20;
  ws.mergeCells(2, 1, 2, 2);
  setText(ws.getCell('A2'), q.quote.title, S.subtitle);
  fitRowHeight(ws, 2, [{ text: q.quote.title, width: LABEL_WIDTH + TEXT_WIDTH }]);

  let r = 4;
  const seen = new Set<string>();
  let cards = 0;
  for (const line of q.lines) {
    if (line.kind === 'section') continue;
    const key = JSON.stringify([line.code, line.title, line.description, line.inputs, line.result, line.limits, line.categoryName]);
    if (seen.has(key)) continue;
    seen.add(key);
    const fields = (
      [
        ['specialist', line.categoryName],
        ['description', line.description],
        ['inputs', line.inputs],
        ['result', line.result],
        ['limits', line.limits],
      ] as [EstimateWord, string][]
    ).filter(([, text]) => text.trim() !== '');
    if (fields.length === 0 && !line.code) continue;
    cards++;
    setText(ws.getCell(r, 1), line.code, S.head);
    setText(ws.getCell(r, 2), line.title, S.head);
    fitRowHeight(ws, r, [{ text: line.title, width: TEXT_WIDTH }]);
    r++;
    for (const [field, text] of fields) {
      setText(ws.getCell(r, 1), w(field), S.label);
      setText(ws.getCell(r, 2), text, S.text);
      fitRowHeight(ws, r, [
        { text, width: TEXT_WIDTH },
        { text: w(field), width: LABEL_WIDTH },
      ]);
      r++;
    }
    r++;
  }
  if (cards === 0) setText(ws.getCell(r, 1), w('noDetails'), S.empty);
  ws.views = [{ state: 'normal', showGridLines: false }];
  printSetup(ws, { footerLeft: q.company.name, footerRight: `${w('estimate')} ${q.quote.number}` });
}
