import { fold } from '../../directory/text.js';
import type { SnippetPart } from './schemas.js';

const WINDOW = 110;

/**
 * The stems a word of the text is compared with: each searched word (and each of its
 * translations), folded as the directory folds, cut to about three quarters of its length so that
 * "frontières" also marks "frontière" and "контроля" marks "контроль".
 */
export function stemsOf(words: string[]): string[] {
  return words
    .flatMap((w) => w.split(' '))
    .map((w) => fold(w))
    .filter((w) => w.length > 0)
    .map((w) => (w.length <= 4 ? w : w.slice(0, Math.max(4, Math.ceil(w.length * 0.75)))));
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** A short passage of the text around its first matching word, with the matching words marked. */
export function snippetOf(text: string, words: string[]): SnippetPart[] {
  const stems = stemsOf(words);
  const flat = text.replace(/\s+/g, ' ');
  const matches = (token: string) => {
    const folded = fold(token);
    return stems.some((stem) => folded.startsWith(stem));
  };
  let first = -1;
  if (stems.length > 0) {
    for (const m of flat.matchAll(TOKEN)) {
      if (matches(m[0])) {
        first = m.index ?? 0;
        break;
      }
    }
  }
  const from = first < 0 ? 0 : Math.max(0, first - WINDOW);
  let start = from;
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    start = space >= 0 && space < first ? space + 1 : from;
  }
  let end = Math.min(flat.length, Math.max(first, 0) + WINDOW * 2);
  const space = flat.lastIndexOf(' ', end);
  if (end < flat.length && space > start) end = space;
  const passage = flat.slice(start, end);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '… ', hit: false });
  let at = 0;
  for (const m of passage.matchAll(TOKEN)) {
    if (!matches(m[0])) continue;
    const index = m.index ?? 0;
    if (index > at) parts.push({ text: passage.slice(at, index), hit: false });
    parts.push({ text: m[0], hit: true });
    at = index + m[0].length;
  }
  if (at < passage.length) parts.push({ text: passage.slice(at), hit: false });
  if (end < flat.length) parts.push({ text: ' …', hit: false });
  return parts.filter((p) => p.text.length > 0);
}
