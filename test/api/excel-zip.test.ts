/**
 * The workbook's zip: exceljs writes its parts stored, and the runtime's native deflate packs
 * them (worker/excel/zip-deflate.ts). The file must be a zip every reader opens — each part
 * deflated, its CRC and sizes right — with the same cells as written.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toArrayBuffer } from '../../worker/excel/cells';
import { deflateStoredZip } from '../../worker/excel/zip-deflate';

/** Each central-directory record's name, method, compressed and uncompressed size. */
function directory(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const out: { name: string; method: number; packed: number; size: number }[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    out.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      packed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function sample() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист');
  for (let i = 1; i <= 300; i++) ws.addRow([i, `Строка ${i}: внедрение и сопровождение`, i * 1.5, { formula: `A${i}*2`, result: i * 2 }]);
  return wb;
}

describe('the workbook zip', () => {
  it('deflates every part natively and reads back cell for cell', async () => {
    const file = new Uint8Array(await toArrayBuffer(sample()));
    const parts = directory(file);
    expect(parts.map((p) => p.name)).toContain('xl/worksheets/sheet1.xml');
    for (const p of parts) expect(p.method, p.name).toBe(8);
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.packed).toBeLessThan(sheet.size / 4);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(file.buffer as ArrayBuffer);
    const ws = back.getWorksheet('Лист')!;
    expect(ws.rowCount).toBe(300);
    expect(ws.getCell('B300').value).toBe('Строка 300: внедрение и сопровождение');
    expect(ws.getCell('C7').value).toBe(10.5);
    expect(ws.getCell('D12').value).toMatchObject({ formula: 'A12*2', result: 24 });
  });

  it('keeps names, sizes and the order of the parts of the stored zip it repacks', async () => {
    const stored = new Uint8Array((await sample().xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never)) as ArrayBuffer);
    const before = directory(stored);
    const after = directory(await deflateStoredZip(stored));
    expect(before.every((p) => p.method === 0)).toBe(true);
    expect(after.map((p) => [p.name, p.size])).toEqual(before.map((p) => [p.name, p.size]));
    await expect(deflateStoredZip(new Uint8Array(64))).rejects.toThrow(/not a zip/);
  });
});
