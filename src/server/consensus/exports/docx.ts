import { councilName, originalLine, printed, type TextSource } from './text-source.js';

/** The text as a Word document negotiators can edit: the same order and numbers as the PDF. */
export async function textDocx(source: TextSource): Promise<Buffer> {
  // Loaded on first use: the library is large and most processes never write a document.
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const right = (text: string, bold = false) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, bold })] });
  const paragraphs = source.paragraphs.map((p) => {
    const { number, text, sub } = printed(p);
    return new Paragraph({
      indent: p.part === 'operative' ? { left: sub ? 1134 : 567, hanging: 567 } : undefined,
      spacing: { after: 160 },
      children: [new TextRun(number ? `${number}\t${text}` : text)],
    });
  });
  const attachments = source.statements.flatMap((s) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(`Attachment ${s.number}`)] }),
    new Paragraph({
      children: [
        new TextRun({ text: `Interpretative statement by ${[s.countryName, ...s.joinerNames].join(', ')}`, italics: true }),
      ],
    }),
    new Paragraph({ children: [new TextRun(s.text)] }),
  ]);
  const doc = new Document({
    creator: 'Crossroads',
    title: `${source.symbol} ${source.title}`,
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun({ text: 'Organization for Security and Co-operation in Europe', bold: true })],
          }),
          new Paragraph({ children: [new TextRun(councilName(source.council))] }),
          right(source.symbol, true),
          right(source.date),
          right(originalLine(source.language)),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(source.title)],
          }),
          ...paragraphs,
          ...attachments,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
