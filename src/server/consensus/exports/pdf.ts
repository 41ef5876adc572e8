import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../files/pdf.js';
import { councilName, originalLine, printed, type TextSource } from './text-source.js';

/** The official layout: symbol and date top right, "Original: ENGLISH", title, preamble, numbered operative paragraphs, attachments. */
export function textDocument(source: TextSource): TDocumentDefinitions {
  const body: Content[] = source.paragraphs.map((p) => {
    const { number, text, sub } = printed(p);
    if (p.part === 'preambular') return { text, margin: [0, 0, 0, 8] } as Content;
    return {
      columns: [
        { text: number, width: 28 },
        { text, width: '*' },
      ],
      margin: [sub ? 28 : 0, 0, 0, 8],
    } as Content;
  });
  const attachments: Content[] = source.statements.flatMap((s): Content[] => [
    { text: `Attachment ${s.number}`, style: 'heading', pageBreak: 'before' },
    { text: `Interpretative statement by ${[s.countryName, ...s.joinerNames].join(', ')}`, italics: true, margin: [0, 0, 0, 8] },
    { text: s.text },
  ]);
  return {
    info: { title: `${source.symbol} ${source.title}`, creator: 'Crossroads' },
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    footer: (page: number, pages: number) => ({
      text: `${source.symbol} — ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
    }),
    styles: { heading: { fontSize: 13, bold: true, margin: [0, 12, 0, 8], alignment: 'center' } },
    content: [
      { text: 'Organization for Security and Co-operation in Europe', bold: true },
      { text: councilName(source.council), margin: [0, 0, 0, 12] },
      { text: source.symbol, alignment: 'right', bold: true },
      { text: source.date, alignment: 'right' },
      { text: originalLine(source.language), alignment: 'right', margin: [0, 0, 0, 24] },
      {
        text: `${source.kind === 'declaration' ? 'DECLARATION' : 'DECISION'}${source.adopted ? ` No. ${source.symbol.split('/')[1]}/${source.symbol.split('/')[2]}` : ''}`,
        style: 'heading',
      },
      { text: source.title.toUpperCase(), style: 'heading', margin: [0, 0, 0, 16] },
      ...body,
      ...attachments,
    ],
  };
}

/** Renders the text as a PDF. */
export function textPdf(source: TextSource): Promise<Buffer> {
  return renderPdf(textDocument(source));
}
