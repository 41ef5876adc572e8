import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Marks the outcome published, once: false when another request published it first. */
export async function markPublished(db: Kysely<DB>, eventId: string): Promise<boolean> {
  const rows = await db
    .updateTable('conference_event')
    .set({ outcome_published_at: new Date() })
    .where('id', '=', eventId)
    .where('outcome_published_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}

export function selectRecommendationTexts(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_recommendation')
    .select(['position', 'text'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}
