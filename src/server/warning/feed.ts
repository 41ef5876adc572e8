import { applyObservations, type Db, finishBatch, insertBatch } from './indicators/queries.js';

/** One value another domain derives for the early-warning risk score. */
export interface FeedValue {
  country: string;
  /** The first day of the period (YYYY-MM-01 for monthly, YYYY-01-01 for yearly indicators). */
  period: string;
  value: number;
}

/**
 * Records values that another domain derives — a mission report's alert level
 * (`mission_alert_level`) — as
 * observations of a catalogue indicator, with a batch of format `feed` as their provenance. A value
 * that replaces another keeps the old one as a revision, as for imports. Call it inside the
 * caller's transaction so that the value and the change that caused it are written together.
 */
export async function recordFeed(
  db: Db,
  feed: {
    indicatorCode: 'mission_alert_level';
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
    method: 'The latest early-warning level of each adopted mission report, per host country and month.',
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

/**
 * Replaces every value of an indicator that copies another domain's publication — the published
 * figures of verified hate incidents (`hate_incidents_verified`) — with the current publication.
 * No revision is kept: the earlier values were published figures too, and a history of changes
 * with their times would tell when each change happened. A figure not published has no value.
 */
export async function replacePublishedSeries(
  db: Db,
  feed: { indicatorCode: 'hate_incidents_verified'; source: string; values: FeedValue[] },
): Promise<{ inserted: number }> {
  const indicator = await db
    .selectFrom('warning_indicator')
    .select('id')
    .where('code', '=', feed.indicatorCode)
    .executeTakeFirstOrThrow();
  await db.deleteFrom('warning_observation_revision').where('indicator_id', '=', indicator.id).execute();
  await db.deleteFrom('warning_observation').where('indicator_id', '=', indicator.id).execute();
  if (feed.values.length === 0) return { inserted: 0 };
  const batchId = await insertBatch(db, {
    source: feed.source,
    format: 'feed',
    fileName: '',
    sha256: '',
    rowCount: feed.values.length,
    skipped: 0,
    method:
      'The published count of verified hate incidents per country and year, as the public statistics show it (rounded to 5; suppressed figures left out).',
    actorId: null,
  });
  const counts = await applyObservations(
    db,
    batchId,
    feed.values.map((v, i) => ({ ...v, row: i + 1, indicator: feed.indicatorCode, indicatorId: indicator.id })),
  );
  await finishBatch(db, batchId, { ...counts, unchanged: 0 });
  return { inserted: counts.inserted };
}
