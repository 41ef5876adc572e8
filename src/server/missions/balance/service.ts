import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import * as missions from '../lifecycle/queries.js';
import * as q from './queries.js';
import type { BalanceQuery, BalanceView } from './schemas.js';

/**
 * The categories of each grouping, fixed so that an empty category counts as imbalance. Visits to
 * Partners and other countries count in the field-operation and Vienna groupings only.
 */
export const GROUPINGS: Record<string, string[]> = {
  subregion: ['western_europe_north_america', 'south_eastern_europe', 'eastern_europe', 'south_caucasus', 'central_asia'],
  field_operation: ['host', 'other'],
  vienna: ['east', 'west'],
};

/**
 * The balance index of a distribution: its normalised Shannon entropy,
 * H = −Σ pᵢ ln pᵢ ÷ ln K over the K categories of the grouping (pᵢ the share of visits in
 * category i). 1 means visits spread evenly over every category, 0 that all fall in one.
 * The portfolio's index is the mean of the three groupings' indices.
 */
export function balanceIndex(countsByCategory: readonly number[]): number | null {
  const total = countsByCategory.reduce((a, b) => a + b, 0);
  if (total === 0 || countsByCategory.length < 2) return null;
  let h = 0;
  for (const c of countsByCategory) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h / Math.log(countsByCategory.length);
}

type Fact = { subregion: string | null; field_operation: boolean; east_of_vienna: boolean | null; osce_status: string };

function categorise(fact: Fact): Record<string, string> {
  return {
    subregion: fact.subregion ?? 'other',
    field_operation: fact.field_operation ? 'host' : 'other',
    vienna: fact.east_of_vienna ? 'east' : 'west',
  };
}

function distribution(visits: readonly string[], facts: Map<string, Fact>) {
  const groupings = Object.entries(GROUPINGS).map(([key, categories]) => {
    const tally = new Map(categories.map((c) => [c, 0]));
    for (const iso2 of visits) {
      const fact = facts.get(iso2);
      if (!fact) continue;
      const category = categorise(fact)[key]!;
      if (tally.has(category)) tally.set(category, (tally.get(category) ?? 0) + 1);
    }
    const counted = categories.map((c) => ({ key: c, count: tally.get(c) ?? 0 }));
    return { key, categories: counted, index: balanceIndex(counted.map((c) => c.count)) };
  });
  const indices = groupings.map((g) => g.index).filter((i): i is number => i !== null);
  return { groupings, index: indices.length === 0 ? null : indices.reduce((a, b) => a + b, 0) / indices.length };
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/** The mission portfolio's geographical balance over a period, and a proposed mission's effect on it. */
export async function portfolioBalance(ctx: Context, query: BalanceQuery): Promise<BalanceView> {
  if (query.to < query.from) throw new Problem('validation', 'The end of the period is before its start.');
  const facts = new Map((await q.selectCountryFacts(ctx.db)).map((f) => [f.iso2, f]));
  const rows = await q.selectMissionCountriesBetween(ctx.db, query.from, query.to);
  const others = rows.filter((r) => r.id !== query.missionId);
  const before = distribution(
    others.map((r) => r.country_iso2),
    facts,
  );
  let proposal: BalanceView['proposal'] = null;
  if (query.missionId) {
    const [mission] = await missions.selectMissions(ctx.db, { ids: [query.missionId] });
    if (!mission) throw new Problem('not_found', 'There is no such mission.');
    const lists = await missions.selectMissionLists(ctx.db, [mission.id]);
    const after = distribution([...others.map((r) => r.country_iso2), ...lists.countries.map((c) => c.country_iso2)], facts);
    const falls = before.index !== null && after.index !== null && after.index < before.index - 1e-9;
    proposal = {
      missionId: mission.id,
      code: mission.code,
      before: round(before.index),
      after: round(after.index),
      falls,
      warning: falls
        ? `Mission ${mission.code} makes the portfolio less balanced: the index falls from ${round(before.index)} to ${round(after.index)}.`
        : null,
    };
  }
  const all = query.missionId ? others : rows;
  return {
    from: query.from,
    to: query.to,
    missions: new Set(all.map((r) => r.id)).size,
    visits: all.length,
    groupings: before.groupings.map((g) => ({ ...g, index: round(g.index) })),
    index: round(before.index),
    proposal,
  };
}
