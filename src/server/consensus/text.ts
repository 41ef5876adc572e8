import type { FrozenParagraph, Part } from './tables.js';

/** A paragraph in order, with the number a reader sees: PP2, OP3, OP3(b). */
export interface NumberedParagraph extends FrozenParagraph {
  number: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Numbers paragraphs as negotiators cite them: preambular PP1…, operative OP1…, sub-paragraphs
 * (a), (b)… under their parent. Numbers come from order alone, so they change as paragraphs come
 * and go; the id never does, and positions and amendments hang on the id.
 */
export function numberParagraphs(paragraphs: readonly FrozenParagraph[]): NumberedParagraph[] {
  const counters: Record<Part, number> = { preambular: 0, operative: 0 };
  const subCounters = new Map<string, number>();
  const numbers = new Map<string, string>();
  const out: NumberedParagraph[] = [];
  for (const paragraph of paragraphs) {
    let number: string;
    if (paragraph.parentId && numbers.has(paragraph.parentId)) {
      const k = subCounters.get(paragraph.parentId) ?? 0;
      subCounters.set(paragraph.parentId, k + 1);
      number = `${numbers.get(paragraph.parentId)}(${LETTERS[k % 26]})`;
    } else {
      counters[paragraph.part] += 1;
      number = `${paragraph.part === 'preambular' ? 'PP' : 'OP'}${counters[paragraph.part]}`;
    }
    numbers.set(paragraph.id, number);
    out.push({ ...paragraph, number });
  }
  return out;
}

/** The number printed in the official text: operative "3." and sub-paragraph "(b)"; preambular paragraphs carry none. */
export function printedNumber(number: string): string {
  const sub = /\(([a-z])\)$/.exec(number);
  if (sub) return `(${sub[1]})`;
  if (number.startsWith('OP')) return `${number.slice(2)}.`;
  return '';
}

/** Paragraphs in reading order: preambular first, then operative, each sub-paragraph after its parent. */
export function inReadingOrder<T extends { id: string; part: Part; parentId: string | null; position: number }>(
  rows: readonly T[],
): T[] {
  const byParent = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = row.parentId;
    byParent.set(key, [...(byParent.get(key) ?? []), row]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position);
  const out: T[] = [];
  const walk = (row: T) => {
    out.push(row);
    for (const child of byParent.get(row.id) ?? []) walk(child);
  };
  const tops = byParent.get(null) ?? [];
  for (const part of ['preambular', 'operative'] as const) for (const row of tops.filter((r) => r.part === part)) walk(row);
  return out;
}

/** Splits text into words and the spaces and punctuation between them, so joining the tokens gives the text back. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}'’-]+|[^\p{L}\p{N}'’-]+/gu) ?? [];
}

/** Replaces the first occurrence of `oldWords` in `text`, or answers null when they are not there. */
export function replaceWords(text: string, oldWords: string, newWords: string): string | null {
  const at = text.indexOf(oldWords);
  if (at < 0 || oldWords.length === 0) return null;
  return text.slice(0, at) + newWords + text.slice(at + oldWords.length);
}

/** Whether two frozen texts are the same paragraphs in the same order with the same words (key order aside). */
export function sameText(a: readonly FrozenParagraph[] | undefined, b: readonly FrozenParagraph[] | undefined): boolean {
  const key = (list: readonly FrozenParagraph[] | undefined) =>
    JSON.stringify((list ?? []).map((p) => [p.id, p.part, p.parentId, p.text, p.commitmentId]));
  return key(a) === key(b);
}
