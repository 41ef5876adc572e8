import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF opened by pdf.js as a reader would open it (no system fonts, no code run). */
export function openPdf(data: Buffer) {
  return getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
}

/** The text of every page of a PDF, without its spacing (which the layout decides), to look for words in. */
export async function pdfText(data: Buffer): Promise<string> {
  const pdf = await openPdf(data);
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await pdf.destroy();
  return parts.join('').replace(/\s+/g, '');
}

/** A phrase as `pdfText` gives it. */
export const words = (phrase: string) => phrase.replace(/\s+/g, '');
