// The one PDF printer every domain writes with: pdfmake with the Roboto fonts it ships, read from
// node_modules (no network, no system fonts), loaded on the first PDF rather than at start-up.
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

interface Printer {
  createPdfKitDocument(doc: TDocumentDefinitions): NodeJS.ReadableStream & { end(): void };
}

let printer: Printer | undefined;

function pdfPrinter(): Printer {
  if (!printer) {
    const PdfPrinter = require('pdfmake') as new (fonts: unknown) => Printer;
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name] as string, 'base64');
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

/** A pdfmake document as PDF bytes. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = pdfPrinter().createPdfKitDocument(doc);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
