import type { Actor } from '../../access/check.js';
import { type AuditOrigin, audit, OUTSIDE_REQUEST } from '../../audit/record.js';
import { Problem } from '../../http/problems.js';
import type { Job } from '../../jobs/job.js';
import { notify } from '../../notifications/notify.js';
import type { ColumnMapping, ImportFormat } from '../imports/formats.js';
import { importObservations } from '../imports/imports.js';
import { displayUrl, type FetchLimits, fetchFeed } from './fetch.js';
import * as q from './queries.js';

/**
 * How long a feed's address has to answer in full, and how much of it is read: as much as a file
 * sent by hand may hold (imports/routes.ts).
 */
export const FEED_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 32 * 1024 * 1024 };

export type FeedOutcome = 'imported' | 'unchanged' | 'failed';

export interface FeedRun {
  outcome: FeedOutcome;
  batchId: string | null;
  /** Why it failed, a sentence of the catalogue of problem details; never the address. */
  error: string | null;
}

/** Who runs the feed: the schedule (outside any request) or a person pressing "Run now". */
export interface FeedRunner {
  origin: AuditOrigin;
  actor: Actor | null;
}

/** What a run records when it failed for a reason of the platform's own (the details go to the log). */
const FEED_MESSAGES = {
  unexpected: 'The feed could not be imported because of an error on our side.',
};

/**
 * Runs one feed: fetches its file and imports it through the path of a manual import, all or
 * nothing, then records how it went on the feed and tells the co-ordinators when it failed (the
 * first failure of a series) or when its data stopped changing. Answers `busy` when another run
 * of the feed is in progress, on this instance or another: a feed never runs twice at once.
 */
export async function runFeed(
  db: q.Db,
  id: string,
  runner: FeedRunner,
  limits: FetchLimits = FEED_LIMITS,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<FeedRun | 'busy' | 'not_found'> {
  const feed = await q.claimFeed(db, id);
  if (!feed) return (await q.selectFeed(db, id)) ? 'busy' : 'not_found';
  let run: FeedRun;
  try {
    const bytes = await fetchFeed(feed.url, limits);
    const report = await importObservations(
      db,
      { actor: runner.actor, system: true },
      bytes,
      {
        format: (feed.format ?? undefined) as ImportFormat | undefined,
        mapping: (feed.mapping ?? undefined) as ColumnMapping | undefined,
        indicator: feed.indicator ?? undefined,
        fileName: displayUrl(feed.url),
      },
      (trx, report) =>
        audit(trx, runner.origin, {
          verb: 'warning.import',
          recordType: 'warning_import_batch',
          recordId: report.batchId ?? undefined,
          details: { feed: feed.id, format: report.format, inserted: report.inserted, updated: report.updated },
        }),
    );
    if (!report.applied) {
      const rejected = String(report.rejectedCount);
      const row = String(report.rejected[0]?.row ?? 0);
      throw new Problem(
        'validation',
        `The feed’s file was refused: ${rejected} of its rows could not be imported, the first in row ${row}; nothing was changed.`,
      );
    }
    run = { outcome: report.batchId ? 'imported' : 'unchanged', batchId: report.batchId, error: null };
  } catch (error) {
    if (!(error instanceof Problem)) onUnexpected(error);
    const sentence = error instanceof Problem ? (error.detail ?? error.message) : FEED_MESSAGES.unexpected;
    run = { outcome: 'failed', batchId: null, error: sentence.slice(0, 1000) };
  }
  await db.transaction().execute(async (trx) => {
    const after = await q.finishFeedRun(trx, id, run);
    await audit(trx, runner.origin, {
      verb: 'warning.feed.run',
      recordType: 'warning_feed',
      recordId: id,
      details: { outcome: run.outcome, ...(run.batchId ? { batch: run.batchId } : {}) },
    });
    if (!after) return;
    const link = '/operations/jobs';
    const coordinators = { roles: [{ role: 'coordinator' as const }] };
    if (run.outcome === 'failed' && feed.last_outcome !== 'failed') {
      await notify(trx, { kind: 'warning.feed_failed', to: coordinators, params: { feed: after.name }, link });
    }
    if (run.outcome === 'unchanged' && after.unchanged_runs === after.stale_after_runs) {
      await notify(trx, {
        kind: 'warning.feed_stale',
        to: coordinators,
        params: { feed: after.name, runs: String(after.unchanged_runs) },
        link,
      });
    }
  });
  return run;
}

/**
 * Runs every enabled feed that is due, one after the other; each claims its feed, so instances
 * never overlap. A feed failing for its source's reasons is counted; one failing for the
 * platform's own reasons fails the job's run as well, so that the runner logs it (without the
 * feed's address) and the jobs page shows it.
 */
export const feedsJob: Job = {
  name: 'warning.feeds',
  everySeconds: 120,
  allowRunNow: true,
  run: async (db) => {
    const counts = { imported: 0, unchanged: 0, failed: 0, busy: 0 };
    const unexpected: string[] = [];
    const note = (error: unknown) => unexpected.push(error instanceof Error ? error.message : String(error));
    for (const id of await q.selectDueFeeds(db)) {
      const run = await runFeed(db, id, { origin: OUTSIDE_REQUEST, actor: null }, FEED_LIMITS, note);
      if (run === 'not_found') continue;
      counts[run === 'busy' ? 'busy' : run.outcome] += 1;
    }
    if (unexpected.length > 0) {
      throw new Error(`${unexpected.length} of the due data feeds failed on an error of the platform: ${unexpected[0]}`);
    }
    return counts;
  },
};
