import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { Problem } from '../../http/problems.js';
import type { WorkerLog } from '../../jobs/job.js';
import * as q from './queries.js';
import { extractText } from './reader.js';

/** Progress is written at most this often while a long PDF is read. */
const PROGRESS_EVERY_MS = 500;

/**
 * Reads the text of the versions waiting for it, one at a time, until none is left; returns how
 * many it read. Each version is claimed in the database first, so that instances never read the
 * same one twice, and one whose reader died is claimed again once its claim runs out.
 */
export async function extractPending(db: Kysely<DB>, log?: WorkerLog): Promise<number> {
  let count = 0;
  for (;;) {
    const claimed = await q.claimPendingVersion(db);
    if (!claimed) return count;
    count++;
    let last = 0;
    try {
      const result = await extractText(claimed.content, claimed.media_type, (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        void q.updateProgress(db, claimed.document_id, claimed.version, done, total).catch(() => undefined);
      });
      await q.finishExtraction(db, claimed.document_id, claimed.version, result);
    } catch (error) {
      const message = error instanceof Problem ? (error.detail ?? error.message) : 'The text could not be read.';
      log?.warn({ document: claimed.document_id, version: claimed.version, error: message }, 'document text could not be read');
      await q.finishExtraction(db, claimed.document_id, claimed.version, { error: message });
    }
  }
}

/** Every instance reads waiting documents, polling every few seconds. */
export function startExtraction(db: Kysely<DB>, log: WorkerLog, pollMs = 2000): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = extractPending(db, log)
      .catch((error: unknown) => log.error({ error: String(error) }, 'document text extraction failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, pollMs);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
