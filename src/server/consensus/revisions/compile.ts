import type { AmendmentView, ParagraphView } from '../schemas.js';
import { replaceWords } from '../text.js';

/**
 * The chair's compilation of one paragraph, as negotiators write it: words that an amendment
 * would replace in square brackets followed by the proposed words in brackets (the page names
 * their sponsors beside them), a paragraph proposed for deletion or still objected to wholly in brackets.
 */
export function bracketParagraph(paragraph: Pick<ParagraphView, 'text' | 'state'>, amendments: readonly AmendmentView[]): string {
  const open = amendments.filter((a) => a.status === 'tabled');
  if (open.some((a) => a.kind === 'delete') || (paragraph.state === 'blocked' && !open.some((a) => a.kind === 'replace'))) {
    return `[${paragraph.text}]`;
  }
  let text = paragraph.text;
  for (const a of open.filter((x) => x.kind === 'replace')) {
    const replaced = replaceWords(text, a.oldWords ?? '', `[${a.oldWords}] [${a.newWords}]`);
    if (replaced !== null) text = replaced;
  }
  return text;
}

/** An inserted paragraph proposed by an amendment, wholly in brackets. */
export function bracketInsertion(a: AmendmentView): string {
  return `[${a.newWords}]`;
}
