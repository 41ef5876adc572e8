import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { deploymentDays } from '../../roster/service.js';
import { cefrRank, type PoolExpert } from './types.js';

/**
 * The roster as the optimiser sees it for one period: every expert with competences, languages,
 * prerequisites, whether they are free for the whole period and the days already deployed in its
 * year. Deployments on `ignoreMission` are left out (re-composing a mission frees its own team).
 * It reads the roster tables itself: the pool is the team model's view of them, which roster need not know.
 */
export async function loadPool(
  db: Kysely<DB>,
  period: { from: string; to: string; ignoreMission?: string },
): Promise<PoolExpert[]> {
  const year = Number(period.from.slice(0, 4));
  const [experts, competences, languages, nationalities, prerequisites, periods, deployments] = await Promise.all([
    db
      .selectFrom('expert')
      .select(['id', 'name', 'organisation_id', 'gender', 'readiness', 'yearly_cap_days'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('expert_competence as ec')
      .innerJoin('competence as c', 'c.code', 'ec.competence_code')
      .select(['ec.expert_id', 'ec.competence_code', 'ec.level', 'c.dimension_code'])
      .execute(),
    db.selectFrom('expert_language').selectAll().execute(),
    db.selectFrom('expert_nationality').selectAll().execute(),
    db.selectFrom('expert_prerequisite').selectAll().execute(),
    db.selectFrom('expert_period').select(['expert_id', 'kind', 'starts_on', 'ends_on']).execute(),
    db
      .selectFrom('deployment')
      .select(['expert_id', 'mission_id', 'starts_on', 'ends_on'])
      .where('ends_on', '>=', `${year}-01-01`)
      .where('starts_on', '<=', `${Math.max(year, Number(period.to.slice(0, 4)))}-12-31`)
      .execute(),
  ]);
  const byExpert = new Map<string, PoolExpert>();
  const windows = new Map<string, { declared: boolean; covered: boolean; blocked: boolean }>();
  for (const e of experts) {
    byExpert.set(e.id, {
      id: e.id,
      name: e.name,
      organisationId: e.organisation_id,
      gender: e.gender,
      readiness: e.readiness,
      nationalities: [],
      competences: {},
      dimensions: [],
      languages: {},
      prerequisites: {},
      usedDays: 0,
      capDays: e.yearly_cap_days,
      available: true,
    });
    windows.set(e.id, { declared: false, covered: false, blocked: false });
  }
  for (const c of competences) {
    const e = byExpert.get(c.expert_id);
    if (!e) continue;
    e.competences[c.competence_code] = c.level;
    if (!e.dimensions.includes(c.dimension_code)) e.dimensions.push(c.dimension_code);
  }
  for (const l of languages) {
    const e = byExpert.get(l.expert_id);
    if (e) e.languages[l.language_code] = { speaking: cefrRank(l.speaking), writing: cefrRank(l.writing) };
  }
  for (const n of nationalities) byExpert.get(n.expert_id)?.nationalities.push(n.country_iso2);
  for (const p of prerequisites) {
    const e = byExpert.get(p.expert_id);
    if (e) e.prerequisites[p.code] = p.expires_on;
  }
  for (const p of periods) {
    const w = windows.get(p.expert_id);
    if (!w) continue;
    if (p.kind === 'available') {
      w.declared = true;
      if (p.starts_on <= period.from && p.ends_on >= period.to) w.covered = true;
    } else if (p.starts_on <= period.to && p.ends_on >= period.from) w.blocked = true;
  }
  const counted = new Map<string, Array<{ starts_on: string; ends_on: string }>>();
  for (const d of deployments) {
    if (period.ignoreMission && d.mission_id === period.ignoreMission) continue;
    const w = windows.get(d.expert_id);
    if (w && d.starts_on <= period.to && d.ends_on >= period.from) w.blocked = true;
    counted.set(d.expert_id, [...(counted.get(d.expert_id) ?? []), d]);
  }
  for (const [id, e] of byExpert) {
    const w = windows.get(id)!;
    e.available = !w.blocked && (!w.declared || w.covered);
    e.usedDays = deploymentDays(counted.get(id) ?? [], year);
  }
  return [...byExpert.values()];
}
