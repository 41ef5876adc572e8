import { type Figure, type Relation, rounded, roundingInterval, THRESHOLD } from './model.js';

/** Solves an LP-format model; the publication uses the solver thread, tests may solve in place. */
export type LpSolver = (lp: string) => Promise<{ status: string; objective: number; columns: Record<string, number> }>;

/** The range every suppressed figure must keep, given every published one: 0 to 4 (a small count). */
const PROTECTED_MAX = THRESHOLD - 1;
const TOLERANCE = 1e-6;

const name = (i: number) => `f${i}`;

function lpText(
  figures: Figure[],
  relations: Relation[],
  suppressed: boolean[],
  objective: { sense: 'Minimize' | 'Maximize'; figures: number[] },
): string {
  // Upwards only 4 matters: each figure to maximise gets a twin z ≤ 4, z ≤ f, and the sum of the
  // twins is maximised, so that one large figure cannot hide that another stays small.
  const up = objective.sense === 'Maximize';
  const objectiveTerms = objective.figures.map((i) => (up ? `z${i}` : name(i)));
  const lines = [objective.sense, ` obj: ${objectiveTerms.join(' + ')}`, 'Subject To'];
  relations.forEach((r, k) => {
    const terms = r.terms.map(([i, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}${name(i)}`);
    lines.push(` r${k}: ${terms.join(' ')} ${r.sense} ${r.rhs}`);
  });
  if (up) for (const i of objective.figures) lines.push(` z${i}: z${i} - ${name(i)} <= 0`);
  lines.push('Bounds');
  figures.forEach((f, i) => {
    if (suppressed[i]) return;
    const [lo, hi] = roundingInterval(rounded(f.exact));
    lines.push(` ${lo} <= ${name(i)} <= ${hi}`);
  });
  if (up) for (const i of objective.figures) lines.push(` 0 <= z${i} <= ${PROTECTED_MAX}`);
  lines.push('End');
  return lines.join('\n');
}

/**
 * The suppressed figures that someone holding every published figure (rounded to 5, with the
 * rounding interval each implies) and every relation between them could narrow within 0 to 4:
 * those whose least possible value is above 0 or whose greatest is below 4 — unless the least is
 * 5 or more, which proves the figure is no small count (a complementary one) and tells nothing
 * about a person that a rounded figure would not. Each solution the
 * solver returns is a possible table, so it also clears every other figure it shows at 0 or at 4
 * or more; most figures are cleared by the first two solves, which push all of them down or up.
 */
export async function exposedFigures(
  figures: Figure[],
  relations: Relation[],
  suppressed: boolean[],
  solve: LpSolver,
  candidates: number[] = figures.map((_, i) => i).filter((i) => suppressed[i]),
): Promise<{ exposed: number[]; solves: number }> {
  const lowOk = new Set<number>();
  const highOk = new Set<number>();
  let solves = 0;
  const clear = (columns: Record<string, number>) => {
    for (const i of candidates) {
      const v = columns[name(i)] ?? 0;
      if (v <= TOLERANCE) lowOk.add(i);
      if (v >= PROTECTED_MAX - TOLERANCE) highOk.add(i);
    }
  };
  const large = new Set<number>();
  const run = async (sense: 'Minimize' | 'Maximize', of: number[]) => {
    solves++;
    const result = await solve(lpText(figures, relations, suppressed, { sense, figures: of }));
    // The true tables satisfy every relation, so the model is always feasible and, capped, bounded.
    if (result.status !== 'Optimal') throw new Error(`The disclosure audit found the model ${result.status}.`);
    clear(result.columns);
    if (sense === 'Minimize' && of.length === 1 && result.objective >= THRESHOLD - TOLERANCE) large.add(of[0] as number);
  };
  if (candidates.length === 0) return { exposed: [], solves };
  // Push every uncleared figure down (then up) together until a round clears no more.
  for (const [sense, ok] of [
    ['Minimize', lowOk],
    ['Maximize', highOk],
  ] as const) {
    for (let left = candidates; left.length > 0; ) {
      const before = ok.size;
      await run(sense, left);
      if (ok.size === before) break;
      left = candidates.filter((i) => !ok.has(i));
    }
  }
  for (const i of candidates) {
    if (!lowOk.has(i)) await run('Minimize', [i]);
    if (!highOk.has(i) && !large.has(i)) await run('Maximize', [i]);
  }
  const safe = (i: number) => (lowOk.has(i) && highOk.has(i)) || large.has(i);
  return { exposed: candidates.filter((i) => !safe(i)), solves };
}

/**
 * The published figure nearest to an exposed one through the relations (a cell of the same row
 * or column first), the smallest such, cells before margins: suppressing it gives the exposed
 * figure room to be anything from 0 to 4 again at the least cost to readers.
 */
function complementOf(exposed: number, figures: Figure[], related: Relation[][], suppressed: boolean[]): number | undefined {
  const seen = new Set([exposed]);
  let frontier = [exposed];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const f of frontier)
      for (const r of related[f] ?? [])
        for (const [i] of r.terms)
          if (!seen.has(i)) {
            seen.add(i);
            next.push(i);
          }
    const open = next.filter((i) => !suppressed[i]);
    if (open.length > 0) {
      const cost = (i: number) => (figures[i]?.margin ? 1e9 : 0) + (figures[i]?.exact ?? 0);
      return open.sort((a, b) => cost(a) - cost(b) || a - b)[0];
    }
    frontier = next;
  }
  return undefined;
}

export interface Suppression {
  suppressed: boolean[];
  primary: number;
  complementary: number;
  rounds: number;
  solves: number;
}

/**
 * Decides which figures are published. Primary: every count of 0 to 4 (0 too, so that an empty
 * row does not tell its cells). Complementary: while the audit finds a suppressed figure that the
 * published ones place outside 0 to 4, the nearest small published figure is suppressed as well,
 * and the audit runs again on what changed (suppressing only widens the ranges, so a figure once
 * cleared stays cleared).
 */
export async function decideSuppression(figures: Figure[], relations: Relation[], solve: LpSolver): Promise<Suppression> {
  const suppressed = figures.map((f) => f.exact < THRESHOLD);
  const primary = suppressed.filter(Boolean).length;
  let candidates = figures.map((_, i) => i).filter((i) => suppressed[i]);
  const related: Relation[][] = figures.map(() => []);
  for (const r of relations) for (const [i] of r.terms) related[i]?.push(r);
  const neighbours = (a: number, b: number) => (related[a] ?? []).some((r) => r.terms.some(([i]) => i === b));
  let rounds = 0;
  let solves = 0;
  // Nothing published, nothing to work a figure out from. So it is while no incident is verified:
  // every figure is 0, and the totals' relations (sums of no year) fix them without any published.
  if (suppressed.every(Boolean)) candidates = [];
  while (candidates.length > 0) {
    rounds++;
    const audit = await exposedFigures(figures, relations, suppressed, solve, candidates);
    solves += audit.solves;
    if (audit.exposed.length === 0) break;
    const added: number[] = [];
    for (const i of audit.exposed) {
      // One complement per row or column and round: it may protect its neighbours as well.
      if (added.some((a) => neighbours(a, i))) continue;
      const complement = complementOf(i, figures, related, suppressed);
      // Suppressed already by an earlier complement of this round: the next round tells.
      if (complement === undefined) continue;
      suppressed[complement] = true;
      added.push(complement);
    }
    if (added.length === 0) throw new Error('The disclosure audit cannot protect a figure: nothing left to suppress.');
    candidates = [...new Set([...audit.exposed, ...added])];
  }
  return { suppressed, primary, complementary: suppressed.filter(Boolean).length - primary, rounds, solves };
}
