import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

export function selectMission(db: Db, id: string) {
  return db.selectFrom('mission').select(['id', 'status', 'title']).where('id', '=', id).executeTakeFirst();
}

export function selectPartners(db: Db, missionId: string) {
  return db
    .selectFrom('mission_partner as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.organisation_id', 'p.role', 'p.note', 'o.acronym', 'o.name_en', 'o.name_fr', 'o.name_de', 'o.name_it'])
    .select(['o.name_ru', 'o.name_es'])
    .where('p.mission_id', '=', missionId)
    .orderBy('o.name_en')
    .execute();
}
export type PartnerRow = Awaited<ReturnType<typeof selectPartners>>[number];

export async function selectKnownOrganisations(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function replacePartners(
  db: Db,
  missionId: string,
  partners: ReadonlyArray<{ organisationId: string; role: 'joint_visit' | 'briefing' | 'data'; note?: string }>,
) {
  await db.deleteFrom('mission_partner').where('mission_id', '=', missionId).execute();
  if (partners.length === 0) return;
  await db
    .insertInto('mission_partner')
    .values(partners.map((p) => ({ mission_id: missionId, organisation_id: p.organisationId, role: p.role, note: p.note ?? '' })))
    .execute();
}

/** The mission's host countries, in order, and its competences: what its contacts are asked for. */
export async function selectQuestion(db: Db, missionId: string) {
  const [countries, competences] = await Promise.all([
    db.selectFrom('mission_country').select('country_iso2').where('mission_id', '=', missionId).orderBy('position').execute(),
    db
      .selectFrom('mission_competence')
      .select('competence_code')
      .where('mission_id', '=', missionId)
      .orderBy('competence_code')
      .execute(),
  ]);
  return { countries: countries.map((c) => c.country_iso2), competences: competences.map((c) => c.competence_code) };
}
