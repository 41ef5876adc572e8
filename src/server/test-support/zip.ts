import { once } from 'node:events';
import zlib from 'node:zlib';

/** A file inside a hand-made ZIP: its name, its deflated bytes, and the sizes to declare. */
export interface ZipPart {
  name: string;
  deflated: Buffer;
  /** The uncompressed size written in the headers; may be a lie. */
  declaredSize: number;
  crc?: number;
}

/** Deflates text as it is. */
export function part(name: string, text: string): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: zlib.deflateRawSync(data), declaredSize: data.length, crc: zlib.crc32(data) };
}

/**
 * `head`, then `body` repeated `times`, then `tail`, deflated as a stream: hundreds of megabytes
 * of XML without ever holding them.
 */
export async function repeatedPart(name: string, head: string, body: string, times: number, tail: string): Promise<ZipPart> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.from(body.repeat(Math.max(1, Math.floor((1024 * 1024) / body.length))), 'utf8');
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / body.length));
  let size = 0;
  const write = async (data: Buffer) => {
    size += data.length;
    if (!deflate.write(data)) await once(deflate, 'drain');
  };
  await write(Buffer.from(head));
  let left = times;
  while (left >= perBlock) {
    await write(block);
    left -= perBlock;
  }
  if (left > 0) await write(Buffer.from(body.repeat(left)));
  await write(Buffer.from(tail));
  deflate.end();
  await once(deflate, 'end');
  return { name, deflated: Buffer.concat(out), declaredSize: size };
}

/** A gzip file of `bytes` bytes of one repeated character, compressed as a stream. */
export async function gzipBomb(bytes: number): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 4 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.alloc(1024 * 1024, 'a');
  for (let written = 0; written < bytes; written += block.length) {
    if (!gzip.write(block)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(gzip, 'end');
  return Buffer.concat(out);
}

/** A ZIP container of the parts, written by hand so its headers can say anything. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc ?? 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc ?? 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook needs around its first sheet. */
export function workbookParts(): ZipPart[] {
  return [
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    part(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/** An XLSX whose sheet is `rows` copies of one 4 kB row: a few hundred kilobytes that expand a thousand times. */
export async function xlsxBomb(rows: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const row = `<row><c t="inlineStr"><is><t>${'a'.repeat(4000)}</t></is></c></row>`;
  const sheet = await repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, row, rows, SHEET_TAIL);
  // A lying directory claims the sheet is about as small as its compressed bytes.
  if (options.lie) sheet.declaredSize = sheet.deflated.length * 3;
  return zip([...workbookParts(), sheet]);
}

/** An XLSX with a sheet of the given rows as inline strings. */
export function xlsxOf(rows: string[][]): Buffer {
  const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows
    .map((r) => `<row>${r.map((c) => `<c t="inlineStr"><is><t>${xmlText(c)}</t></is></c>`).join('')}</row>`)
    .join('');
  return zip([...workbookParts(), part('xl/worksheets/sheet1.xml', SHEET_HEAD + body + SHEET_TAIL)]);
}
