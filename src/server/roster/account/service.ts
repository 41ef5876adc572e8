import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import { generateOneTimePassword, hashPassword } from '../../auth/passwords.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { insertAccount } from '../../users/service.js';
import type { ExpertView } from '../schemas.js';
import { presentExperts } from '../service.js';
import * as q from './queries.js';
import type { InvitationView, InviteBody, LinkBody } from './schemas.js';

const NO_EXPERT = 'There is no such expert on the roster.';

async function view(ctx: Context, db: Context['db'], id: string): Promise<ExpertView> {
  const [expert] = await presentExperts(ctx, [id], db);
  return expert!;
}

/**
 * Invites a roster expert to an account in their name: a new account holding the expert's role,
 * with a one-time password returned once, linked to the expert; all in one transaction, audited
 * on both records. Only those who manage accounts (the co-ordinator) may.
 */
export async function inviteExpert(ctx: Context, id: string, input: InviteBody): Promise<InvitationView> {
  assertAllowed(ctx.actor, 'user.manage');
  const oneTimePassword = generateOneTimePassword();
  // Hashing takes a while: it happens before the transaction holds the database.
  const passwordHash = await hashPassword(oneTimePassword);
  const expert = await inTransaction(ctx.db, async (trx) => {
    const row = await q.lockExpert(trx, id);
    if (!row) throw new Problem('not_found', NO_EXPERT);
    if (row.user_id) throw new Problem('conflict', 'This expert already has an account; unlink it first to invite them again.');
    const userId = await insertAccount(
      ctx,
      trx,
      { email: input.email, name: row.name, language: input.language, grants: [{ role: 'expert', scopeType: 'global' }] },
      passwordHash,
      { invitedFor: id },
    );
    await q.setExpertAccount(trx, id, userId);
    await audit(trx, ctx, { verb: 'expert.account.invite', recordType: 'expert', recordId: id, details: { userId } });
    return view(ctx, trx, id);
  });
  return { expert, oneTimePassword };
}

/** Links an existing account to a roster expert; an account belongs to one expert at most. */
export async function linkAccount(ctx: Context, id: string, input: LinkBody): Promise<ExpertView> {
  assertAllowed(ctx.actor, 'user.manage');
  return inTransaction(ctx.db, async (trx) => {
    const row = await q.lockExpert(trx, id);
    if (!row) throw new Problem('not_found', NO_EXPERT);
    const account = await q.selectAccount(trx, input.userId);
    if (!account) {
      const message = 'There is no account with this identifier.';
      throw new Problem('unknown_reference', message, { errors: [{ pointer: '/userId', message }] });
    }
    if (row.user_id === account.id) return view(ctx, trx, id);
    if (row.user_id) throw new Problem('conflict', 'This expert already has an account; unlink it first.');
    const other = await q.selectExpertOfAccount(trx, account.id);
    if (other) {
      const message = `This account already belongs to the expert ${other.name}.`;
      throw new Problem('conflict', message, { errors: [{ pointer: '/userId', message }] });
    }
    await q.setExpertAccount(trx, id, account.id);
    await audit(trx, ctx, { verb: 'expert.account.link', recordType: 'expert', recordId: id, details: { userId: account.id } });
    return view(ctx, trx, id);
  });
}

/** Undoes the link between an expert and their account; the account itself stays as it is. */
export async function unlinkAccount(ctx: Context, id: string): Promise<ExpertView> {
  assertAllowed(ctx.actor, 'user.manage');
  return inTransaction(ctx.db, async (trx) => {
    const row = await q.lockExpert(trx, id);
    if (!row) throw new Problem('not_found', NO_EXPERT);
    if (!row.user_id) throw new Problem('conflict', 'No account is linked to this expert.');
    await q.setExpertAccount(trx, id, null);
    await audit(trx, ctx, {
      verb: 'expert.account.unlink',
      recordType: 'expert',
      recordId: id,
      details: { userId: row.user_id },
    });
    return view(ctx, trx, id);
  });
}
