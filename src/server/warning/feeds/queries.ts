import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { WarningFeedTable } from '../tables.js';

export type Db = Kysely<DB>;
export type FeedRow = Selectable<WarningFeedTable> & {
  batch_row_count: number | null;
  batch_inserted: number | null;
  batch_updated: number | null;
  batch_unchanged: number | null;
  batch_created_at: Date | null;
};

/** A run not finished after this long is taken for one whose instance died: the feed may be claimed again. */
export const STALE_CLAIM_MINUTES = 60;

function feeds(db: Db) {
  return db
    .selectFrom('warning_feed as f')
    .leftJoin('warning_import_batch as b', 'b.id', 'f.last_batch_id')
    .selectAll('f')
    .select([
      'b.row_count as batch_row_count',
      'b.inserted as batch_inserted',
      'b.updated as batch_updated',
      'b.unchanged as batch_unchanged',
      'b.created_at as batch_created_at',
    ]);
}

export function selectFeeds(db: Db): Promise<FeedRow[]> {
  return feeds(db).orderBy('f.name').execute();
}

export function selectFeed(db: Db, id: string): Promise<FeedRow | undefined> {
  return feeds(db).where('f.id', '=', id).executeTakeFirst();
}

export async function selectFeedIdByName(db: Db, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('warning_feed').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id;
}

export interface FeedValues {
  name: string;
  url: string;
  format: string | null;
  mapping: Record<string, string> | null;
  indicator: string | null;
  every_hours: number;
  stale_after_runs: number;
  enabled: boolean;
}

export async function insertFeed(db: Db, values: FeedValues, actorId: string | null): Promise<string> {
  const row = await db
    .insertInto('warning_feed')
    .values({
      ...values,
      mapping: values.mapping ? JSON.stringify(values.mapping) : null,
      created_by: actorId,
      updated_by: actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateFeed(db: Db, id: string, values: Partial<FeedValues>, actorId: string | null) {
  const { mapping, ...rest } = values;
  await db
    .updateTable('warning_feed')
    .set({
      ...rest,
      ...(mapping !== undefined ? { mapping: mapping ? JSON.stringify(mapping) : null } : {}),
      // A new period takes effect from the last run (or from now for a feed never run).
      ...(values.every_hours !== undefined
        ? { next_run_at: sql<Date>`coalesce(last_run_at, now()) + make_interval(hours => ${values.every_hours})` }
        : {}),
      updated_at: sql<Date>`now()`,
      updated_by: actorId,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteFeed(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('warning_feed').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Claims a feed for one run: the update succeeds for one caller only, on whichever instance,
 * until the run is finished (or its claim is an hour old, its instance taken for dead).
 */
export async function claimFeed(db: Db, id: string): Promise<Selectable<WarningFeedTable> | undefined> {
  return db
    .updateTable('warning_feed')
    .set({ running_since: sql<Date>`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('running_since', 'is', null),
        eb('running_since', '<', sql<Date>`now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The enabled feeds whose next run is due and that no instance runs now, earliest first. */
export async function selectDueFeeds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('warning_feed')
    .select('id')
    .where('enabled', '=', true)
    .where('next_run_at', '<=', sql<Date>`now()`)
    .where((eb) =>
      eb.or([
        eb('running_since', 'is', null),
        eb('running_since', '<', sql<Date>`now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`),
      ]),
    )
    .orderBy('next_run_at')
    .execute();
  return rows.map((row) => row.id);
}

/** Records how a run went and releases the claim; the next run is due a period after this one. */
export async function finishFeedRun(
  db: Db,
  id: string,
  run: { outcome: 'imported' | 'unchanged' | 'failed'; error: string | null; batchId: string | null },
): Promise<{ unchanged_runs: number; stale_after_runs: number; name: string } | undefined> {
  return db
    .updateTable('warning_feed')
    .set({
      running_since: null,
      last_run_at: sql<Date>`now()`,
      next_run_at: sql<Date>`now() + make_interval(hours => every_hours)`,
      last_outcome: run.outcome,
      last_error: run.error,
      ...(run.outcome === 'imported'
        ? { last_batch_id: run.batchId, last_changed_at: sql<Date>`now()`, unchanged_runs: 0 }
        : run.outcome === 'unchanged'
          ? { unchanged_runs: sql<number>`unchanged_runs + 1` }
          : {}),
    })
    .where('id', '=', id)
    .returning(['unchanged_runs', 'stale_after_runs', 'name'])
    .executeTakeFirst();
}
