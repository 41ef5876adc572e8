import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MissionStatus } from '../tables.js';
import type { MissionQuery } from './schemas.js';

type Db = Kysely<DB>;

export function selectMissions(db: Db, query: MissionQuery & { ids?: string[] }) {
  let select = db.selectFrom('mission as m').selectAll('m');
  if (query.ids) select = select.where('m.id', 'in', query.ids.length > 0 ? query.ids : ['00000000-0000-0000-0000-000000000000']);
  if (query.status) select = select.where('m.status', '=', query.status);
  if (query.from) select = select.where('m.ends_on', '>=', query.from);
  if (query.to) select = select.where('m.starts_on', '<=', query.to);
  if (query.country) {
    select = select.where(
      sql<boolean>`exists (select 1 from mission_country c where c.mission_id = m.id and c.country_iso2 = ${query.country})`,
    );
  }
  return select.orderBy('m.starts_on', 'desc').orderBy('m.code').execute();
}

export type MissionRow = Awaited<ReturnType<typeof selectMissions>>[number];

/** Locks the mission row for the rest of the transaction. */
export function lockMission(db: Db, id: string) {
  return db.selectFrom('mission').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Countries, requirements, team and transitions of a set of missions, one query each. */
export async function selectMissionLists(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return { countries: [], competences: [], languages: [], team: [], transitions: [] };
  const [countries, competences, languages, team, transitions] = await Promise.all([
    db
      .selectFrom('mission_country as mc')
      .innerJoin('country as c', 'c.iso2', 'mc.country_iso2')
      .select(['mc.mission_id', 'mc.country_iso2', 'mc.position', 'c.name_en', 'c.capital_latitude', 'c.capital_longitude'])
      .where('mc.mission_id', 'in', ids)
      .orderBy('mc.position')
      .execute(),
    db.selectFrom('mission_competence').selectAll().where('mission_id', 'in', ids).orderBy('competence_code').execute(),
    db.selectFrom('mission_language').selectAll().where('mission_id', 'in', ids).orderBy('language_code').execute(),
    db
      .selectFrom('deployment as d')
      .innerJoin('expert as e', 'e.id', 'd.expert_id')
      .select(['d.mission_id', 'd.expert_id', 'e.name', 'd.covers'])
      .where('d.mission_id', 'in', ids)
      .orderBy('e.name')
      .execute(),
    db
      .selectFrom('mission_transition as t')
      .leftJoin('app_user as u', 'u.id', 't.actor_id')
      .select(['t.mission_id', 't.from_status', 't.to_status', 'u.name as actor_name', 't.at', 't.note'])
      .where('t.mission_id', 'in', ids)
      .orderBy('t.at')
      .execute(),
  ]);
  return { countries, competences, languages, team, transitions };
}

export function insertMission(db: Db, values: Insertable<DB['mission']>) {
  return db.insertInto('mission').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateMission(db: Db, id: string, values: Record<string, unknown>) {
  return db
    .updateTable('mission')
    .set({ ...values, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .execute();
}

export interface MissionLists {
  hostCountries?: string[];
  competences?: Array<{ code: string; minLevel: number; count: number }>;
  languages?: Array<{ code: string; minLevel: string; skill?: 'speaking' | 'writing' }>;
}

export async function replaceMissionLists(db: Db, missionId: string, lists: MissionLists) {
  if (lists.hostCountries) {
    await db.deleteFrom('mission_country').where('mission_id', '=', missionId).execute();
    await db
      .insertInto('mission_country')
      .values(lists.hostCountries.map((iso2, position) => ({ mission_id: missionId, country_iso2: iso2, position })))
      .execute();
  }
  if (lists.competences) {
    await db.deleteFrom('mission_competence').where('mission_id', '=', missionId).execute();
    if (lists.competences.length > 0) {
      await db
        .insertInto('mission_competence')
        .values(
          lists.competences.map((c) => ({
            mission_id: missionId,
            competence_code: c.code,
            min_level: c.minLevel,
            count: c.count,
          })),
        )
        .execute();
    }
  }
  if (lists.languages) {
    await db.deleteFrom('mission_language').where('mission_id', '=', missionId).execute();
    if (lists.languages.length > 0) {
      await db
        .insertInto('mission_language')
        .values(
          lists.languages.map((l) => ({
            mission_id: missionId,
            language_code: l.code,
            min_level: l.minLevel,
            skill: l.skill ?? 'speaking',
          })),
        )
        .execute();
    }
  }
}

export function insertTransition(
  db: Db,
  values: {
    mission_id: string;
    from_status: MissionStatus | null;
    to_status: MissionStatus;
    actor_id: string | null;
    note: string;
  },
) {
  return db.insertInto('mission_transition').values(values).execute();
}

export function setStatus(db: Db, id: string, status: MissionStatus) {
  return db.updateTable('mission').set({ status, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export function deleteMissionDeployments(db: Db, missionId: string) {
  return db.deleteFrom('deployment').where('mission_id', '=', missionId).execute();
}
