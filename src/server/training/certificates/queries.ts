import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export async function selectCertificate(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('training_certificate as c')
    .innerJoin('training_nomination as n', 'n.id', 'c.nomination_id')
    .select([
      'c.id',
      'c.code',
      'c.payload',
      'c.signature',
      'c.issued_at',
      'c.revoked_at',
      'c.revoked_reason',
      'n.id as nomination_id',
      'n.user_id',
    ])
    .where('c.code', '=', code)
    .executeTakeFirst();
}

export async function insertCertificate(
  db: Kysely<DB>,
  values: { nomination_id: string; code: string; payload: string; signature: string },
) {
  await db.insertInto('training_certificate').values(values).execute();
}

export async function markCompleted(db: Kysely<DB>, nominationId: string, completedOn: string) {
  await db.updateTable('training_nomination').set({ completed_on: completedOn }).where('id', '=', nominationId).execute();
}

export async function selectAttendance(db: Kysely<DB>, nominationId: string) {
  return db.selectFrom('training_attendance').select(['day', 'present']).where('nomination_id', '=', nominationId).execute();
}

/** Grants a roster prerequisite, keeping the later expiry when the expert already holds it. */
export async function grantPrerequisite(db: Kysely<DB>, expertId: string, code: string, expiresOn: string | null) {
  const held = await db
    .selectFrom('expert_prerequisite')
    .select('expires_on')
    .where('expert_id', '=', expertId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!held) {
    await db.insertInto('expert_prerequisite').values({ expert_id: expertId, code, expires_on: expiresOn }).execute();
    return expiresOn;
  }
  const keep = held.expires_on === null || (expiresOn !== null && held.expires_on >= expiresOn) ? held.expires_on : expiresOn;
  await db
    .updateTable('expert_prerequisite')
    .set({ expires_on: keep })
    .where('expert_id', '=', expertId)
    .where('code', '=', code)
    .execute();
  return keep;
}

/** Raises a competence to a level (never lowers it). */
export async function raiseCompetence(db: Kysely<DB>, expertId: string, code: string, level: number) {
  const held = await db
    .selectFrom('expert_competence')
    .select('level')
    .where('expert_id', '=', expertId)
    .where('competence_code', '=', code)
    .executeTakeFirst();
  if (!held) await db.insertInto('expert_competence').values({ expert_id: expertId, competence_code: code, level }).execute();
  else if (held.level < level) {
    await db
      .updateTable('expert_competence')
      .set({ level })
      .where('expert_id', '=', expertId)
      .where('competence_code', '=', code)
      .execute();
  }
  return Math.max(level, held?.level ?? 0);
}

export async function revoke(db: Kysely<DB>, code: string, reason: string) {
  return db
    .updateTable('training_certificate')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('code', '=', code)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
