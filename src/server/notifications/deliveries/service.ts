import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { FailedEmailPage, FailedEmailQuery, FailedEmailView } from '../schemas.js';
import * as q from './queries.js';

/** The emails that could not be sent, for the co-ordinator; reading whom they were for is audited. */
export async function listFailed(ctx: Context, query: FailedEmailQuery): Promise<FailedEmailPage> {
  assertAllowed(ctx.actor, 'notification.oversee');
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const rows = await q.selectFailed(ctx.db, limit, offset);
  if (rows.length > 0) {
    await audit(ctx.db, ctx, {
      verb: 'notification.failures.read',
      recordType: 'notification_email',
      details: { ids: rows.map((r) => r.id) },
    });
  }
  return {
    items: rows.map(
      (row): FailedEmailView => ({
        id: Number(row.id),
        recipient: { id: row.user_id, name: row.name, email: row.email },
        kinds: row.kinds as FailedEmailView['kinds'],
        attempts: row.attempts,
        lastError: row.last_error ?? '',
        createdAt: new Date(row.created_at).toISOString(),
        actions: ['retry'],
      }),
    ),
    total: rows[0] ? Number(rows[0].total) : 0,
    limit,
    offset,
  };
}

/** Sends a failed email again (after the address or the mail server was put right). */
export async function retryFailed(ctx: Context, id: number): Promise<void> {
  assertAllowed(ctx.actor, 'notification.oversee');
  await inTransaction(ctx.db, async (trx) => {
    if (!(await q.requeue(trx, id))) throw new Problem('not_found', 'There is no failed email with this number.');
    await audit(trx, ctx, { verb: 'notification.email.retry', recordType: 'notification_email', recordId: String(id) });
  });
}
