/** The first sheet: the customer's details, the balance linked to the ledger's, and what each sheet holds. */
import type { Cell, Worksheet } from 'exceljs';
import {
  HAIRLINE,
  HEADER_FILL,
  HEADER_RULES,
  HOURS_FORMAT,
  INTEGER_FORMAT,
  dateFormat,
  fitRowHeight,
  fromCenti,
  printSetup,
  setFormula,
  setNumber,
  setText,
  sheetRef,
} from '../cells';
import type { CustomerBook, Word } from './book';

export interface CardContents {
  /** Each sheet after the card: its name, what it holds, its rows. */
  sheets: [name: string, about: Word, rows: number][];
  /** The ledger's balance cell, for the card's balance to link to. */
  balance: { sheet: string; cell: string; centi: number };
}

export function customerCard(b: CustomerBook, ws: Worksheet, contents: CardContents) {
  const { doc, lang, w, list } = b;
  const st = list.st;
  const S = {
    label: st.text({ grey: true, v: 'top' }),
    value: st.text({ wrap: true }),
    valueBold: st.text({ bold: true, wrap: true }),
    valueHours: st.get({ numFmt: HOURS_FORMAT, h: 'left' }),
    valueBalance: st.get({ numFmt: HOURS_FORMAT, h: 'left', bold: true }),
    valueDate: st.get({ numFmt: dateFormat(lang), h: 'left' }),
    valueInt: st.get({ numFmt: INTEGER_FORMAT, h: 'left' }),
    legend: st.text({ size: 8, grey: true, wrap: true }),
    section: st.text({ bold: true, border: HEADER_RULES, fill: HEADER_FILL }),
    contentsName: st.text({ border: HAIRLINE }),
    contentsText: st.text({ grey: true, wrap: true, border: HAIRLINE }),
    contentsCount: st.get({ numFmt: INTEGER_FORMAT, border: HAIRLINE }),
  };
  const c = doc.customer;
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 58;
  ws.getColumn(3).width = 10;
  list.heading(ws, `${w('title')}: ${c.name}`, 3);
  let r = 4;
  const field = (key: Word, set: (cell: Cell) => void, text = '') => {
    setText(ws.getCell(r, 1), w(key), S.label);
    ws.mergeCells(r, 2, r, 3);
    set(ws.getCell(r, 2));
    ws.getRow(r).height = 15;
    if (text) fitRowHeight(ws, r, [{ text, width: 68 }]);
    r++;
  };
  const textField = (key: Word, text: string, bold = false) =>
    field(key, (cell) => setText(cell, text || '—', bold ? S.valueBold : S.value), text);
  textField('name', c.name, true);
  textField('legalName', c.legalName);
  textField('taxId', c.taxId);
  textField('contact', c.contactName);
  textField('email', c.email);
  textField('phone', c.phone);
  textField('address', c.address);
  field('customerNo', (cell) => setNumber(cell, c.id, S.valueInt));
  field('since', (cell) => {
    const d = b.date(c.createdAt);
    if (d) {
      cell.value = d;
      cell.style = S.valueDate;
    } else setText(cell, '—', S.value);
  });
  field('overdraft', (cell) => setNumber(cell, fromCenti(c.overdraftCenti), S.valueHours));
  const { balance } = contents;
  field('balance', (cell) => setFormula(cell, `${sheetRef(balance.sheet)}!${balance.cell}`, fromCenti(balance.centi), S.valueBalance));

  r++;
  setText(ws.getCell(r, 1), w('sheet'), S.section);
  setText(ws.getCell(r, 2), w('holds'), S.section);
  setText(ws.getCell(r, 3), w('rows'), S.section);
  r++;
  for (const [name, about, count] of contents.sheets) {
    setText(ws.getCell(r, 1), name, S.contentsName);
    setText(ws.getCell(r, 2), w(about), S.contentsText);
    setNumber(ws.getCell(r, 3), count, S.contentsCount);
    ws.getRow(r).height = 15;
    fitRowHeight(ws, r, [{ text: w(about), width: 58 }]);
    r++;
  }
  r++;
  ws.mergeCells(r, 1, r, 3);
  setText(ws.getCell(r, 1), w('units'), S.legend);
  fitRowHeight(ws, r, [{ text: w('units'), width: 96 * 1.2, size: 8 }]);
  ws.views = [{ state: 'normal', showGridLines: false }];
  printSetup(ws, { landscape: false, footerLeft: b.input.companyName, footerRight: `${c.name} · ${w('title')}` });
}
