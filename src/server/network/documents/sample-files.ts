import zlib from 'node:zlib';
import { renderPdf } from '../../files/pdf.js';

// Small documents made on the spot for the demonstration library and the tests: the same text
// gives the same pages, with the Roboto fonts pdfmake ships (Latin and Cyrillic alike).

/** A PDF with a title and one page per list of paragraphs. */
export async function samplePdf(title: string, pages: string[][]): Promise<Buffer> {
  return renderPdf({
    info: { title, creator: 'Crossroads', producer: 'Crossroads', creationDate: new Date(Date.UTC(2026, 0, 1)) },
    content: pages.flatMap((paragraphs, n) => [
      ...(n === 0 ? [{ text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 12] as [number, number, number, number] }] : []),
      ...paragraphs.map((text, i) => ({
        text,
        margin: [0, 0, 0, 8] as [number, number, number, number],
        ...(n > 0 && i === 0 ? { pageBreak: 'before' as const } : {}),
      })),
    ]),
  });
}

/** The date every entry of a made-up container carries: 1 January 2026, 00:00 (MS-DOS format). */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const FIXED = '2026-01-01T00:00:00Z';

/** Sets every entry's date in a ZIP's local and central headers to the fixed one, so that the same content gives the same bytes. */
function fixZipDates(bytes: Buffer): Buffer {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return bytes;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    bytes.writeUInt16LE(DOS_TIME, at + 12);
    bytes.writeUInt16LE(DOS_DATE, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    bytes.writeUInt16LE(DOS_TIME, local + 10);
    bytes.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A DOCX with a title and paragraphs; the same text always gives the same bytes. */
export async function sampleDocx(title: string, paragraphs: string[]): Promise<Buffer> {
  const { Document, Packer, Paragraph, TextRun } = await import('docx');
  const doc = new Document({
    creator: 'Crossroads',
    title,
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 32 })] }),
          ...paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })),
        ],
      },
    ],
  });
  // The document's properties would carry the time it was made: these carry a fixed one.
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>Crossroads</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED}</dcterms:modified></cp:coreProperties>`;
  return fixZipDates(await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]));
}

/** A stored-or-deflated ZIP of the given entries, dated the fixed day (enough for an ODT). */
function zipOf(entries: Array<{ name: string; data: Buffer; store?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.store ? entry.data : zlib.deflateRawSync(entry.data);
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An ODT (OpenDocument text) with a title and paragraphs; the same text always gives the same bytes. */
export function sampleOdt(title: string, paragraphs: string[]): Buffer {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:text>` +
    `<text:h text:outline-level="1">${xmlEscape(title)}</text:h>` +
    paragraphs.map((p) => `<text:p>${xmlEscape(p)}</text:p>`).join('') +
    '</office:text></office:body></office:document-content>';
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  return zipOf([
    // The type comes first and uncompressed, as the OpenDocument format asks.
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), store: true },
    { name: 'content.xml', data: Buffer.from(content, 'utf8') },
    { name: 'META-INF/manifest.xml', data: Buffer.from(manifest, 'utf8') },
  ]);
}
