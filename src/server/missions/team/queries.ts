import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** Locks the experts' rows, in a fixed order so that two confirmations cannot deadlock. */
export function lockExperts(db: Db, ids: readonly string[]) {
  return db.selectFrom('expert').select(['id', 'name']).where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** Deployments of these experts that overlap the period (other than this mission's). */
export function overlappingDeployments(db: Db, ids: readonly string[], from: string, to: string, missionId: string) {
  return db
    .selectFrom('deployment as d')
    .innerJoin('expert as e', 'e.id', 'd.expert_id')
    .select(['d.expert_id', 'e.name', 'd.title', 'd.starts_on', 'd.ends_on'])
    .where('d.expert_id', 'in', ids)
    .where('d.starts_on', '<=', to)
    .where('d.ends_on', '>=', from)
    .where((eb) => eb.or([eb('d.mission_id', 'is', null), eb('d.mission_id', '!=', missionId)]))
    .execute();
}

export function insertDeployments(
  db: Db,
  rows: Array<{ expert_id: string; mission_id: string; title: string; starts_on: string; ends_on: string; covers: string }>,
) {
  return db.insertInto('deployment').values(rows).execute();
}

export function updateAppraisal(db: Db, missionId: string, expertId: string, appraisal: string, rating: number | null) {
  return db
    .updateTable('deployment')
    .set({ appraisal, rating })
    .where('mission_id', '=', missionId)
    .where('expert_id', '=', expertId)
    .executeTakeFirst();
}
