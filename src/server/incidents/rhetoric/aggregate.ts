import { rounded, THRESHOLD } from '../publication/model.js';
import type { RhetoricAggregate, RhetoricCount } from './schemas.js';

/** The rule as readers are told it. */
export const RHETORIC_RULE =
  'Only statements a reviewer has verified are counted. These are public statements, not hate crimes: they are never added to the hate-incident statistics. Counts of 1 to 4 are not published, and where a table would hide only one count, the next smallest is hidden too, so that none can be worked out from the total; every published count is rounded to the nearest multiple of 5.';

export interface Group {
  country: string;
  year: string;
  medium: string;
  speaker_role: string;
  n: string | number;
}

const HIDDEN: RhetoricCount = { value: null, suppressed: true };

/**
 * One published table: rows with a count, counts under the threshold hidden, a second one hidden
 * when only one would be, and the others rounded to the nearest multiple of 5 as the hate-incident
 * statistics are.
 */
export function publishedRows(counts: Map<string, number>, order: (a: string, b: string) => number) {
  const keys = [...counts.keys()].sort(order);
  const hidden = new Set(keys.filter((k) => (counts.get(k) ?? 0) < THRESHOLD));
  if (hidden.size === 1) {
    // Total minus the others would give the one hidden count away: hide the smallest other as well.
    const next = keys.filter((k) => !hidden.has(k)).sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))[0];
    if (next) hidden.add(next);
  }
  return keys.map((key) => ({
    key,
    count: hidden.has(key) ? HIDDEN : { value: rounded(counts.get(key) ?? 0), suppressed: false },
  }));
}

/** The public aggregate of verified statements from their groups. */
export function aggregate(groups: readonly Group[]): RhetoricAggregate {
  const tables = { country: new Map<string, number>(), year: new Map(), medium: new Map(), speaker_role: new Map() } as Record<
    'country' | 'year' | 'medium' | 'speaker_role',
    Map<string, number>
  >;
  let total = 0;
  for (const g of groups) {
    const n = Number(g.n);
    total += n;
    for (const d of ['country', 'year', 'medium', 'speaker_role'] as const) tables[d].set(g[d], (tables[d].get(g[d]) ?? 0) + n);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    kind: 'xenophobic_rhetoric_not_hate_crime',
    total: total > 0 && total < THRESHOLD ? HIDDEN : { value: rounded(total), suppressed: false },
    byCountry: publishedRows(tables.country, byName),
    byYear: publishedRows(tables.year, byName),
    byMedium: publishedRows(tables.medium, byName),
    bySpeakerRole: publishedRows(tables.speaker_role, byName),
    rule: RHETORIC_RULE,
  };
}
