import { createRequire } from 'node:module';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

// Small documents made on the spot for the demonstration library and the tests: the same text
// gives the same pages, with the Roboto fonts pdfmake ships (Latin and Cyrillic alike).
const require = createRequire(import.meta.url);

interface Printer {
  createPdfKitDocument(doc: TDocumentDefinitions): NodeJS.ReadableStream & { end(): void };
}

let printer: Printer | undefined;

function pdfPrinter(): Printer {
  if (!printer) {
    const PdfPrinter = require('pdfmake') as new (fonts: unknown) => Printer;
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name]!, 'base64');
    printer = new PdfPrinter({
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    });
  }
  return printer;
}

/** A PDF with a title and one page per list of paragraphs. */
export async function samplePdf(title: string, pages: string[][]): Promise<Buffer> {
  const doc = pdfPrinter().createPdfKitDocument({
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
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A DOCX with a title and paragraphs. */
export async function sampleDocx(title: string, paragraphs: string[]): Promise<Buffer> {
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
  return Packer.toBuffer(doc);
}
