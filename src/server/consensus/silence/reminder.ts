import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { tellSilenceEnding } from '../notices.js';
import * as q from '../queries.js';

/** How long before the deadline the delegations are reminded. */
export const REMINDER_HOURS = 24;

/**
 * Reminds every delegation of the silence procedures whose deadline comes within a day, each
 * once: the procedure's row is claimed by an update that only a running, unreminded one matches,
 * so two instances, or one restarted, never send it twice. A procedure shorter than a day is not
 * reminded: the notice of its start already gave the deadline.
 */
export async function remindApproachingSilences(db: Kysely<DB>): Promise<number> {
  let sent = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await sql<{ id: string; document_id: string; revision_number: number; deadline: Date }>`
        update consensus_silence set reminded_at = now()
        where id = (
          select id from consensus_silence
          where state = 'running' and reminded_at is null
            and deadline > now() and deadline <= now() + make_interval(hours => ${REMINDER_HOURS})
            and started_at < deadline - make_interval(hours => ${REMINDER_HOURS})
          order by deadline limit 1 for update skip locked)
        and state = 'running' and reminded_at is null
        returning id, document_id, revision_number, deadline`.execute(trx);
      const row = claimed.rows[0];
      if (!row) return false;
      const document = await q.selectDocument(trx, row.document_id);
      if (document) await tellSilenceEnding(trx, document, row.revision_number, new Date(row.deadline));
      return true;
    });
    if (!done) return sent;
    sent++;
  }
}
