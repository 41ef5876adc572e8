import type { FrozenParagraph } from './tables.js';
import { numberParagraphs, tokens } from './text.js';

export type WordOp = { op: 'same' | 'added' | 'deleted'; text: string };

/** The longest common subsequence of two sequences, as index pairs (a dynamic programme: paragraphs are short). */
function lcs<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = equal(a[i] as T, b[j] as T) ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i] as T, b[j] as T)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[i + 1] as Uint32Array)[j]! >= (table[i] as Uint32Array)[j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** A word-level comparison of two texts: runs of words kept, added and deleted, in reading order. */
export function diffWords(before: string, after: string): WordOp[] {
  const a = tokens(before);
  const b = tokens(after);
  const pairs = lcs(a, b, (x, y) => x === y);
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    while (i < pi) push('deleted', a[i++] as string);
    while (j < pj) push('added', b[j++] as string);
    if (pi < a.length) push('same', a[pi] as string);
    i = pi + 1;
    j = pj + 1;
  }
  return ops;
}

export interface ParagraphChange {
  id: string;
  /** Its number in the later revision, or in the earlier one when it was deleted. */
  number: string;
  fromNumber: string | null;
  toNumber: string | null;
  change: 'same' | 'added' | 'deleted' | 'changed';
  moved: boolean;
  words: WordOp[];
}

/**
 * Compares two revisions paragraph by paragraph, matching paragraphs by their stable id: added,
 * deleted, changed (with the words), and moved when its place among the paragraphs both keep changed.
 */
export function compareRevisions(from: readonly FrozenParagraph[], to: readonly FrozenParagraph[]): ParagraphChange[] {
  const a = numberParagraphs(from);
  const b = numberParagraphs(to);
  const inA = new Map(a.map((p) => [p.id, p]));
  const inB = new Set(b.map((p) => p.id));
  const keptA = a.filter((p) => inB.has(p.id)).map((p) => p.id);
  const keptB = b.filter((p) => inA.has(p.id)).map((p) => p.id);
  const stayed = new Set(lcs(keptA, keptB, (x, y) => x === y).map(([i]) => keptA[i] as string));
  const changes: ParagraphChange[] = [];
  for (const p of b) {
    const old = inA.get(p.id);
    if (!old) {
      changes.push({
        id: p.id,
        number: p.number,
        fromNumber: null,
        toNumber: p.number,
        change: 'added',
        moved: false,
        words: [{ op: 'added', text: p.text }],
      });
      continue;
    }
    const changed = old.text !== p.text;
    changes.push({
      id: p.id,
      number: p.number,
      fromNumber: old.number,
      toNumber: p.number,
      change: changed ? 'changed' : 'same',
      moved: !stayed.has(p.id),
      words: changed ? diffWords(old.text, p.text) : [{ op: 'same', text: p.text }],
    });
  }
  // A deleted paragraph is shown where it stood: after the paragraph that preceded it in the earlier revision.
  a.forEach((p, index) => {
    if (inB.has(p.id)) return;
    const deleted: ParagraphChange = {
      id: p.id,
      number: p.number,
      fromNumber: p.number,
      toNumber: null,
      change: 'deleted',
      moved: false,
      words: [{ op: 'deleted', text: p.text }],
    };
    const before = index > 0 ? (a[index - 1] as { id: string }).id : null;
    const at = before ? changes.findIndex((c) => c.id === before) : -1;
    changes.splice(at + 1, 0, deleted);
  });
  return changes;
}
