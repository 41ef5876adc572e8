import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { part, workbookParts, xlsxOf, zip } from '../test-support/zip.js';
import { readSheetCells } from './sheet-reader.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string; detail?: string }) => ({ code: error.code, detail: error.detail }),
  );

describe('the one spreadsheet reader', () => {
  it('reads an XLSX written by a spreadsheet program as the imports always read it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    workbook.addWorksheet('Other').addRow(['not read']);
    sheet.addRow(['Country', 'Date', 'Value', 'Flag', 'Formula', 'Rich']);
    sheet.addRow(['#country+code', '#date', '#value']);
    sheet.addRow([
      'GR',
      new Date(Date.UTC(2020, 5, 1)),
      1234.5,
      true,
      { formula: 'C3*2', result: 2469 },
      { richText: [{ text: 'Ath' }, { text: 'ens' }] },
    ]);
    sheet.getCell('B3').numFmt = 'yyyy-mm-dd';
    sheet.addRow([]);
    sheet.addRow(['IT', null, -3]);
    const { format, cells } = await readSheetCells(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(format).toBe('xlsx');
    expect(cells[0]).toEqual(['Country', 'Date', 'Value', 'Flag', 'Formula', 'Rich']);
    expect(cells[1]).toEqual(['#country+code', '#date', '#value']);
    expect(cells[2]).toEqual(['GR', '2020-06-01', '1234.5', 'true', '2469', 'Athens']);
    expect(cells[3] ?? []).toEqual([]);
    expect(cells[4]).toEqual(['IT', '', '-3']);
  });

  it('reads CSV, and gzipped CSV', async () => {
    const { gzipSync } = await import('node:zlib');
    const csv = Buffer.from('\uFEFFa,b\n1,"x, y"\n');
    expect((await readSheetCells(csv)).cells).toEqual([
      ['a', 'b'],
      ['1', 'x, y'],
    ]);
    expect(await readSheetCells(gzipSync(csv))).toEqual({
      format: 'csv',
      cells: [
        ['a', 'b'],
        ['1', 'x, y'],
      ],
    });
  });

  // No text in PostgreSQL can hold U+0000: a cell with one used to reach the database and fail the
  // import with its error instead of a sentence about the file.
  it('refuses a file with a NUL character, naming the cell', async () => {
    expect(await refusal(readSheetCells(Buffer.from('a,b\n1,"x\u0000y"\n')))).toEqual({
      code: 'validation',
      detail: 'Row 2, column B holds a NUL character, which no text may hold. Save the file again as CSV (UTF-8) or XLSX.',
    });
    expect(await refusal(readSheetCells(xlsxOf([['a'], ['b'], ['ok', 'x\u0000']])))).toMatchObject({
      code: 'validation',
      detail: expect.stringMatching(/^Row 3, column B holds a NUL character/),
    });
    // UTF-16 is read by its byte-order mark; without one, its text is taken for UTF-8 and refused.
    const utf16 = Buffer.from('Country,Value\nGR,1\n', 'utf16le');
    expect((await readSheetCells(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]))).cells).toEqual([
      ['Country', 'Value'],
      ['GR', '1'],
    ]);
    expect(await refusal(readSheetCells(utf16))).toMatchObject({
      code: 'validation',
      detail: expect.stringMatching(/^Row 1, column A holds a NUL character/),
    });
  });

  it('refuses by the row limit and the entry count before reading on', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`r${i}`]);
    expect(await refusal(readSheetCells(xlsxOf(rows), { limits: { maxRows: 20 } }))).toMatchObject({ code: 'payload_too_large' });
    const csv = Buffer.from(rows.map((r) => r[0]).join('\n'));
    expect(await refusal(readSheetCells(csv, { limits: { maxRows: 20 } }))).toMatchObject({ code: 'payload_too_large' });
    const many = zip([...workbookParts(), ...Array.from({ length: 30 }, (_, i) => part(`x/${i}.xml`, '<a/>'))]);
    expect(await refusal(readSheetCells(many, { limits: { maxEntries: 10 } }))).toMatchObject({
      code: 'payload_too_large',
      detail: expect.stringMatching(/33 files/),
    });
  });

  it('refuses what is not a workbook with a 400, and stops a read past its time or memory', async () => {
    const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]);
    expect(await refusal(readSheetCells(broken))).toMatchObject({ code: 'validation' });
    const big = xlsxOf(Array.from({ length: 20_000 }, (_, i) => [`row ${i}`, 'x'.repeat(200)]));
    expect(await refusal(readSheetCells(big, { limits: { timeMs: 1 } }))).toMatchObject({
      code: 'payload_too_large',
      detail: expect.stringMatching(/longer than/),
    });
    expect(await refusal(readSheetCells(big, { limits: { memoryMb: 4 } }))).toMatchObject({ code: 'payload_too_large' });
  });
});
