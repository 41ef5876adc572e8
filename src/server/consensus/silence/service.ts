import { type Kysely, sql } from 'kysely';
import { audit, OUTSIDE_REQUEST } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { adoptDocument, refuseWhileObjected } from '../adoption.js';
import { tellSilenceStarted } from '../notices.js';
import * as q from '../queries.js';
import type { DocumentView } from '../schemas.js';
import { sameText } from '../text.js';
import { actingState, documentView, fieldError, lockDrafting } from '../view.js';
import type { BreakSilenceBody, StartSilenceBody } from './schemas.js';

/** The chair puts the last revision under silence until the deadline; refused while an objection stands. */
export async function startSilence(ctx: Context, id: string, input: StartSilenceBody): Promise<DocumentView> {
  const deadline = new Date(input.deadline);
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= Date.now())
    fieldError('/deadline', 'The deadline must lie in the future.');
  return inTransaction(ctx.db, async (trx) => {
    const row = await lockDrafting(trx, id);
    if (row.current_revision === 0) throw new Problem('conflict', 'Issue a revision before putting it under silence.');
    await refuseWhileObjected(trx, id);
    const working = await q.selectWorkingText(trx, id);
    const frozen = await q.selectRevision(trx, id, row.current_revision);
    if (!sameText(frozen?.paragraphs, working)) {
      throw new Problem('conflict', 'The working text differs from the last revision: issue a revision first.');
    }
    const { id: silenceId } = await trx
      .insertInto('consensus_silence')
      .values({
        document_id: id,
        revision_number: row.current_revision,
        deadline,
        started_by: ctx.actor?.userId ?? null,
        broken_by_iso2: null,
        statement: null,
        ended_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('consensus_document').set({ stage: 'silence' }).where('id', '=', id).execute();
    await audit(trx, ctx, {
      verb: 'consensus.silence_start',
      recordType: 'consensus_silence',
      recordId: silenceId,
      details: { deadline: deadline.toISOString() },
    });
    await q.insertEvent(trx, id, 'silence');
    await tellSilenceStarted(trx, row, row.current_revision, deadline, ctx.actor?.userId);
    return documentView(ctx, id, trx);
  });
}

/**
 * One participating State breaks silence with a statement before the deadline: the procedure
 * ends and the text goes back to drafting. The row's own condition decides between a break and
 * the deadline, whichever commits first.
 */
export async function breakSilence(ctx: Context, id: string, input: BreakSilenceBody): Promise<DocumentView> {
  const country = actingState(ctx, 'consensus.speak', input.country);
  return inTransaction(ctx.db, async (trx) => {
    const broken = await trx
      .updateTable('consensus_silence')
      .set({ state: 'broken', broken_by_iso2: country, statement: input.statement.trim(), ended_at: sql`now()` })
      .where('document_id', '=', id)
      .where('state', '=', 'running')
      .where('deadline', '>', sql<Date>`now()`)
      .returning('id')
      .executeTakeFirst();
    if (!broken) throw new Problem('conflict', 'No silence procedure is running on this text.');
    await trx.updateTable('consensus_document').set({ stage: 'drafting' }).where('id', '=', id).execute();
    await audit(trx, ctx, {
      verb: 'consensus.silence_break',
      recordType: 'consensus_silence',
      recordId: broken.id,
      details: { country },
    });
    await q.insertEvent(trx, id, 'silence');
    return documentView(ctx, id, trx);
  });
}

/**
 * Concludes the procedures whose deadline has come, each in its own transaction: the row is
 * claimed by an update that only a running, due procedure matches, so two instances, or one
 * restarted, never act on it twice or before its time. Without objections the text is adopted.
 */
export async function concludeDueSilences(db: Kysely<DB>): Promise<{ adopted: number; lapsed: number }> {
  const done = { adopted: 0, lapsed: 0 };
  for (;;) {
    const outcome = await db.transaction().execute(async (trx) => {
      const claimed = await sql<{ id: string; document_id: string }>`
        update consensus_silence set state = 'passed', ended_at = now()
        where id = (
          select id from consensus_silence
          where state = 'running' and deadline <= now()
          order by deadline limit 1 for update skip locked)
        and state = 'running' and deadline <= now()
        returning id, document_id`.execute(trx);
      const row = claimed.rows[0];
      if (!row) return null;
      if ((await q.countObjections(trx, row.document_id)) > 0) {
        await trx.updateTable('consensus_silence').set({ state: 'lapsed' }).where('id', '=', row.id).execute();
        await trx.updateTable('consensus_document').set({ stage: 'drafting' }).where('id', '=', row.document_id).execute();
        await q.insertEvent(trx, row.document_id, 'silence');
        return 'lapsed' as const;
      }
      const number = await adoptDocument(trx, row.document_id, 'silence');
      await audit(trx, OUTSIDE_REQUEST, {
        verb: 'consensus.silence_pass',
        recordType: 'consensus_silence',
        recordId: row.id,
        details: { number },
      });
      return 'adopted' as const;
    });
    if (!outcome) return done;
    done[outcome]++;
  }
}
