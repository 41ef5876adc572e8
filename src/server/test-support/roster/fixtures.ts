import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import * as q from '../../roster/queries.js';

/** The id of a structure by its code (ODIHR is the focal-point persona's structure). */
export async function structureId(db: Kysely<DB>, code = 'ODIHR'): Promise<string> {
  return (await db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export interface ExpertFixture {
  name?: string;
  organisation?: string;
  seconding?: string | null;
  gender?: 'female' | 'male' | 'other' | 'undisclosed';
  readiness?: 'ready' | 'ready_with_induction' | 'not_deployable';
  nationalities?: string[];
  competences?: Array<{ code: string; level: number }>;
  languages?: Array<{ code: string; speaking: string; writing: string }>;
  userId?: string | null;
  cap?: number;
}

/** An expert on the roster, written straight to the database for tests. */
export async function insertTestExpert(db: Kysely<DB>, f: ExpertFixture = {}): Promise<string> {
  const { id } = await q.insertExpert(db, {
    user_id: f.userId ?? null,
    name: f.name ?? 'Test Expert',
    organisation_id: await structureId(db, f.organisation ?? 'ODIHR'),
    seconding_iso2: f.seconding === undefined ? 'AT' : f.seconding,
    gender: f.gender ?? 'female',
    readiness: f.readiness ?? 'ready',
    yearly_cap_days: f.cap ?? 60,
  });
  await q.replaceExpertLists(db, id, {
    nationalities: f.nationalities ?? ['AT'],
    competences: f.competences ?? [{ code: 'border_security', level: 2 }],
    languages: f.languages ?? [{ code: 'en', speaking: 'C1', writing: 'C1' }],
  });
  return id;
}
