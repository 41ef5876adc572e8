import type { Context } from '../../context.js';
import { alertsMatching } from '../alerts/service.js';
import * as rq from './queries.js';
import type { CountryRiskView, RiskMapView, RiskPoint } from './schemas.js';

/**
 * The country risk score of a year, 0–100, in three documented parts:
 * - indicator alerts: 10 points per alert point (yellow 1, orange 2, red 3) of the alerts of that
 *   year that were not dismissed, at most 50;
 * - the latest mission alert level known in that year (indicator `mission_alert_level`, 0 green
 *   to 3 red): 10 points per level, at most 30;
 * - hate incidents verified in that year as the public statistics publish them (indicator
 *   `hate_incidents_verified`: rounded to 5, no value when suppressed): 2 points each, at most 20.
 *   The score is read by every signed-in user, so it never sees an exact count.
 * Levels: red from 60, orange from 35, yellow from 15, else green. A part without data counts 0
 * and is reported as null, so the score works before the mission and incident modules feed it.
 */
export const RISK_FORMULA =
  'score = min(50, 10 × alert points [yellow 1, orange 2, red 3; dismissed alerts excluded]) + 10 × latest mission alert level [0–3] + min(20, 2 × verified hate incidents as published [rounded to 5; a suppressed figure counts 0]); red ≥ 60, orange ≥ 35, yellow ≥ 15, else green.';

export function riskLevel(score: number): RiskPoint['level'] {
  return score >= 60 ? 'red' : score >= 35 ? 'orange' : score >= 15 ? 'yellow' : 'green';
}

/** The score of one year from its three inputs (null: not known). */
export function riskPoint(year: number, alertWeight: number, missionLevel: number | null, incidents: number | null): RiskPoint {
  const alerts = Math.min(50, 10 * alertWeight);
  const mission = missionLevel === null ? null : 10 * Math.max(0, Math.min(3, Math.round(missionLevel)));
  const hate = incidents === null ? null : Math.min(20, 2 * Math.max(0, incidents));
  const score = alerts + (mission ?? 0) + (hate ?? 0);
  return { year, score, level: riskLevel(score), alerts, mission, incidents: hate };
}

async function pointsByCountry(ctx: Context, country?: string): Promise<Map<string, Map<number, RiskPoint>>> {
  const [weights, inputs] = await Promise.all([rq.selectAlertWeights(ctx.db, country), rq.selectRiskInputs(ctx.db, country)]);
  const raw = new Map<string, Map<number, { w: number; m: number | null; h: number | null }>>();
  const at = (c: string, y: number) => {
    const years = raw.get(c) ?? new Map();
    raw.set(c, years);
    const entry = years.get(y) ?? { w: 0, m: null, h: null };
    years.set(y, entry);
    return entry;
  };
  for (const w of weights) at(w.country_iso2, w.year).w = Number(w.weight);
  for (const i of inputs) {
    if (i.code === 'mission_alert_level') at(i.country_iso2, i.year).m = Number(i.value);
    else at(i.country_iso2, i.year).h = Number(i.value);
  }
  const result = new Map<string, Map<number, RiskPoint>>();
  for (const [c, years] of raw) {
    const points = new Map<number, RiskPoint>();
    // The latest mission level stays in force in later years until a new report changes it.
    let mission: number | null = null;
    for (const y of [...years.keys()].sort((a, b) => a - b)) {
      const e = years.get(y) as { w: number; m: number | null; h: number | null };
      if (e.m !== null) mission = e.m;
      points.set(y, riskPoint(y, e.w, mission, e.h));
    }
    result.set(c, points);
  }
  return result;
}

function pointAt(points: Map<number, RiskPoint> | undefined, year: number): RiskPoint {
  const exact = points?.get(year);
  if (exact) return exact;
  const earlier = [...(points?.values() ?? [])]
    .filter((p) => p.year < year && p.mission !== null)
    .sort((a, b) => b.year - a.year)[0];
  return riskPoint(year, 0, earlier ? (earlier.mission as number) / 10 : null, null);
}

/** Every country's risk in one year (by default the latest year with data), for the map. */
export async function riskMap(ctx: Context, year?: number): Promise<RiskMapView> {
  const years = await rq.selectYears(ctx.db);
  const chosen = year ?? years[0] ?? null;
  const byCountry = await pointsByCountry(ctx);
  const countries =
    chosen === null
      ? []
      : [...byCountry.entries()]
          .map(([country, points]) => ({ country, ...pointAt(points, chosen) }))
          .filter((p) => p.score > 0 || p.mission !== null);
  return {
    year: chosen,
    years,
    formula: RISK_FORMULA,
    countries: countries.sort((a, b) => b.score - a.score || a.country.localeCompare(b.country)),
  };
}

/** One country's risk now and in every year with an input, with its alerts. */
export async function countryRisk(ctx: Context, iso2: string): Promise<CountryRiskView> {
  const points = (await pointsByCountry(ctx, iso2)).get(iso2);
  const history = [...(points?.values() ?? [])].sort((a, b) => a.year - b.year);
  const years = await rq.selectYears(ctx.db);
  const latest = years[0];
  return {
    country: iso2,
    current: latest === undefined ? null : pointAt(points, latest),
    history,
    alerts: await alertsMatching(ctx, { country: iso2 }, 1000),
    formula: RISK_FORMULA,
  };
}
