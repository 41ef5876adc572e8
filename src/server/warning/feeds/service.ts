import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { detailCode } from '../../http/problem-details.js';
import { Problem } from '../../http/problems.js';
import * as iq from '../indicators/queries.js';
import { displayUrl, isWebAddress } from './fetch.js';
import * as q from './queries.js';
import { runFeed } from './run.js';
import type { CreateFeedBody, FeedRunResult, FeedView, UpdateFeedBody } from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function present(row: q.FeedRow): FeedView {
  const known = row.last_error ? detailCode(row.last_error) : undefined;
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format as FeedView['format'],
    mapping: (row.mapping as FeedView['mapping']) ?? null,
    indicator: row.indicator,
    everyHours: row.every_hours,
    staleAfterRuns: row.stale_after_runs,
    enabled: row.enabled,
    running: row.running_since !== null,
    nextRunAt: new Date(row.next_run_at).toISOString(),
    lastRunAt: iso(row.last_run_at),
    lastOutcome: row.last_outcome,
    lastError: row.last_error
      ? {
          detail: row.last_error,
          ...(known ? { detailKey: known.key, ...(known.params ? { detailParams: known.params } : {}) } : {}),
        }
      : null,
    lastChangedAt: iso(row.last_changed_at),
    unchangedRuns: row.unchanged_runs,
    stale: row.unchanged_runs >= row.stale_after_runs,
    lastBatch:
      row.last_batch_id !== null && row.batch_created_at !== null
        ? {
            id: String(row.last_batch_id),
            rowCount: row.batch_row_count ?? 0,
            inserted: row.batch_inserted ?? 0,
            updated: row.batch_updated ?? 0,
            unchanged: row.batch_unchanged ?? 0,
            importedAt: new Date(row.batch_created_at).toISOString(),
          }
        : null,
  };
}

async function found(ctx: Context, id: string): Promise<FeedView> {
  const row = await q.selectFeed(ctx.db, id);
  if (!row) throw new Problem('not_found', 'There is no data feed of that id.');
  return present(row);
}

/** Every data feed with its last run, for those who keep them (the addresses may hold tokens). */
export async function listFeeds(ctx: Context): Promise<FeedView[]> {
  assertAllowed(ctx.actor, 'warning.feed.edit');
  return (await q.selectFeeds(ctx.db)).map(present);
}

function fieldProblem(pointer: string, message: string): Problem {
  return new Problem('validation', message, { errors: [{ pointer, message }] });
}

/** The checks the schema cannot make: the address, a mapping with its format, a known indicator, a free name. */
async function check(ctx: Context, id: string | null, input: UpdateFeedBody, merged: q.FeedValues) {
  if (input.url !== undefined && !isWebAddress(merged.url)) {
    throw fieldProblem('/url', 'The address must begin with http:// or https://.');
  }
  if (merged.format === 'mapping' && !merged.mapping) {
    throw fieldProblem('/mapping', 'Name the country, period and value columns to read a feed by its columns.');
  }
  if (merged.indicator && !(await iq.selectIndicators(ctx.db)).some((one) => one.code === merged.indicator)) {
    const indicator = merged.indicator;
    throw fieldProblem('/indicator', `There is no indicator with the code “${indicator}”.`);
  }
  if (input.name !== undefined) {
    const other = await q.selectFeedIdByName(ctx.db, merged.name);
    if (other && other !== id) throw fieldProblem('/name', 'Another data feed has this name.');
  }
}

function values(input: CreateFeedBody): q.FeedValues {
  return {
    name: input.name.trim(),
    url: input.url.trim(),
    format: input.format ?? null,
    mapping: (input.mapping as Record<string, string> | null | undefined) ?? null,
    indicator: input.indicator?.trim() || null,
    every_hours: input.everyHours,
    stale_after_runs: input.staleAfterRuns ?? 7,
    enabled: input.enabled ?? true,
  };
}

/** Adds a feed; its first run is due at once. Audited without its address, which may hold a token. */
export async function createFeed(ctx: Context, input: CreateFeedBody): Promise<FeedView> {
  assertAllowed(ctx.actor, 'warning.feed.edit');
  const merged = values(input);
  await check(ctx, null, input, merged);
  const id = await inTransaction(ctx.db, async (trx) => {
    const created = await q.insertFeed(trx, merged, ctx.actor?.userId ?? null);
    await audit(trx, ctx, {
      verb: 'warning.feed.edit',
      recordType: 'warning_feed',
      recordId: created,
      details: { created: true, name: merged.name, address: displayUrl(merged.url), format: merged.format },
    });
    return created;
  });
  return found({ ...ctx }, id);
}

/** Changes a feed; a new period counts from its last run. */
export async function updateFeed(ctx: Context, id: string, input: UpdateFeedBody): Promise<FeedView> {
  assertAllowed(ctx.actor, 'warning.feed.edit');
  const existing = await q.selectFeed(ctx.db, id);
  if (!existing) throw new Problem('not_found', 'There is no data feed of that id.');
  const current = present(existing);
  const merged = values({
    name: input.name ?? current.name,
    url: input.url ?? current.url,
    format: input.format !== undefined ? input.format : current.format,
    mapping: input.mapping !== undefined ? input.mapping : current.mapping,
    indicator: input.indicator !== undefined ? input.indicator : current.indicator,
    everyHours: input.everyHours ?? current.everyHours,
    staleAfterRuns: input.staleAfterRuns ?? current.staleAfterRuns,
    enabled: input.enabled ?? current.enabled,
  });
  await check(ctx, id, input, merged);
  const changed: Partial<q.FeedValues> = {
    ...(input.name !== undefined ? { name: merged.name } : {}),
    ...(input.url !== undefined ? { url: merged.url } : {}),
    ...(input.format !== undefined ? { format: merged.format } : {}),
    ...(input.mapping !== undefined ? { mapping: merged.mapping } : {}),
    ...(input.indicator !== undefined ? { indicator: merged.indicator } : {}),
    ...(input.everyHours !== undefined ? { every_hours: merged.every_hours } : {}),
    ...(input.staleAfterRuns !== undefined ? { stale_after_runs: merged.stale_after_runs } : {}),
    ...(input.enabled !== undefined ? { enabled: merged.enabled } : {}),
  };
  await inTransaction(ctx.db, async (trx) => {
    await q.updateFeed(trx, id, changed, ctx.actor?.userId ?? null);
    await audit(trx, ctx, {
      verb: 'warning.feed.edit',
      recordType: 'warning_feed',
      recordId: id,
      details: { changed: Object.keys(input).sort(), ...(input.url !== undefined ? { address: displayUrl(merged.url) } : {}) },
    });
  });
  return found(ctx, id);
}

/** Removes a feed; the data it imported stays, with its batches. */
export async function deleteFeed(ctx: Context, id: string): Promise<void> {
  assertAllowed(ctx.actor, 'warning.feed.edit');
  await inTransaction(ctx.db, async (trx) => {
    if (!(await q.deleteFeed(trx, id))) throw new Problem('not_found', 'There is no data feed of that id.');
    await audit(trx, ctx, { verb: 'warning.feed.edit', recordType: 'warning_feed', recordId: id, details: { deleted: true } });
  });
}

/** Runs a feed now, once across every instance (409 while a run of it is in progress); audited. */
export async function runFeedNow(ctx: Context, id: string, onUnexpected?: (error: unknown) => void): Promise<FeedRunResult> {
  assertAllowed(ctx.actor, 'warning.feed.edit');
  const run = await runFeed(ctx.db, id, { origin: ctx, actor: ctx.actor }, undefined, onUnexpected);
  if (run === 'not_found') throw new Problem('not_found', 'There is no data feed of that id.');
  if (run === 'busy') throw new Problem('conflict', 'This data feed is running already; wait for the run to finish.');
  return { outcome: run.outcome, feed: await found(ctx, id) };
}
