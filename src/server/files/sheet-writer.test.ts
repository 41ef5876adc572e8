import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from './attachment.js';
import { csvOf, guardCell, isUnguarded, unguardCell, xlsxOf } from './sheet-writer.js';

describe('the guarded sheet writer', () => {
  it('quotes text that starts a formula or a command, and nothing else', () => {
    for (const text of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-A1', "-1+cmd|' /C calc'!A0"]) {
      expect(guardCell(text)).toBe(`'${text}`);
      expect(unguardCell(guardCell(text))).toBe(text);
      expect(isUnguarded(guardCell(text))).toBe(false);
    }
    for (const text of ['Athens', '', '1+1', "'quoted", 'a=b', '-5', '-12.5', '-1e-7', '-.5']) expect(guardCell(text)).toBe(text);
  });

  it('writes CSV with numbers as numbers and every text cell guarded', () => {
    const csv = csvOf([
      ['name', 'value'],
      ['=HYPERLINK("http://x")', -3],
      ['@cmd', 2.5],
      [null, undefined],
    ]);
    expect(parse(csv)).toEqual([
      ['name', 'value'],
      ['\'=HYPERLINK("http://x")', '-3'],
      ["'@cmd", '2.5'],
      ['', ''],
    ]);
  });

  it('writes XLSX with numbers as numbers and text (headers and notes too) guarded', async () => {
    const body = await xlsxOf({ name: 'T', header: [['=h']], rows: [['+x', -4]], notes: ['-note'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe("'=h");
    expect(sheet.getCell('A2').value).toBe("'+x");
    expect(sheet.getCell('B2').value).toBe(-4);
    expect(sheet.getCell('A4').value).toBe("'-note");
  });

  it('names attachments safely, with the full name as UTF-8', () => {
    expect(contentDisposition('crossroads-3w-2026-01-01.csv')).toBe(
      `attachment; filename="crossroads-3w-2026-01-01.csv"; filename*=UTF-8''crossroads-3w-2026-01-01.csv`,
    );
    const odd = contentDisposition('../Überweisung "x";\r\nSet-Cookie: a=b.csv');
    expect(odd).not.toMatch(/[\r\n]/);
    expect(odd).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(odd).toContain('Uberweisung');
  });
});
