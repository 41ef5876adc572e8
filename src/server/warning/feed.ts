import { applyObservations, type Db, finishBatch, insertBatch } from './queries.js';

/** One value another domain derives for the early-warning risk score. */
export interface FeedValue {
  country: string;
  /** The first day of the period (YYYY-MM-01 for monthly, YYYY-01-01 for yearly indicators). */
  period: string;
  value: number;
}

/**
 * Records values that another domain derives — a mission report's alert level
 * (`mission_alert_level`), the hate incidents verified in a year (`hate_incidents_verified`) — as
 * observations of a catalogue indicator, with a batch of format `feed` as their provenance. A value
 * that replaces another keeps the old one as a revision, as for imports. Call it inside the
 * caller's transaction so that the value and the change that caused it are written together.
 */
export async function recordFeed(
  db: Db,
  feed: {
    indicatorCode: 'mission_alert_level' | 'hate_incidents_verified';
    source: string;
    actorId: string | null;
    values: FeedValue[];
  },
): Promise<{ inserted: number; updated: number }> {
  if (feed.values.length === 0) return { inserted: 0, updated: 0 };
  const indicator = await db
    .selectFrom('warning_indicator')
    .select('id')
    .where('code', '=', feed.indicatorCode)
    .executeTakeFirstOrThrow();
  const batchId = await insertBatch(db, {
    source: feed.source,
    format: 'feed',
    fileName: '',
    sha256: '',
    rowCount: feed.values.length,
    skipped: 0,
    actorId: feed.actorId,
  });
  const counts = await applyObservations(
    db,
    batchId,
    feed.values.map((v, i) => ({ ...v, row: i + 1, indicator: feed.indicatorCode, indicatorId: indicator.id })),
  );
  await finishBatch(db, batchId, { ...counts, unchanged: feed.values.length - counts.inserted - counts.updated });
  return counts;
}
