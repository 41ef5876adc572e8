import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TrainingMaterialTable } from '../tables.js';

export async function insertMaterial(db: Kysely<DB>, values: Insertable<TrainingMaterialTable>) {
  return db.insertInto('training_material').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A session's materials, oldest first, without their bytes. */
export async function selectMaterials(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('training_material')
    .select(['id', 'title', 'file_name', 'media_type', 'byte_size', 'uploaded_at'])
    .where('session_id', '=', sessionId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** One material with its bytes and what decides who may read it: the course's provider. */
export async function selectMaterialFile(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('training_material as m')
    .innerJoin('training_session as s', 's.id', 'm.session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .select(['m.id', 'm.session_id', 'm.file_name', 'm.media_type', 'm.content', 'c.provider_code'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function deleteMaterial(db: Kysely<DB>, id: string) {
  await db.deleteFrom('training_material').where('id', '=', id).execute();
}

/** Whether the user is nominated or selected for the session (not waitlisted, not declined). */
export async function isParticipant(db: Kysely<DB>, sessionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('training_nomination')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['nominated', 'selected'])
    .executeTakeFirst();
  return row !== undefined;
}
