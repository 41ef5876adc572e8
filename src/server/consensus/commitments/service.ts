import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import type { CommitmentView } from '../schemas.js';
import { fieldError } from '../view.js';
import type { CommitmentBody } from './schemas.js';

/** The register of commitments a draft may recall, oldest first. */
export async function listCommitments(ctx: Context): Promise<CommitmentView[]> {
  return ctx.db
    .selectFrom('consensus_commitment')
    .select(['id', 'symbol', 'title', 'year', 'place'])
    .orderBy('year')
    .orderBy('title')
    .execute();
}

/** The Secretariat adds a commitment to the register. */
export async function addCommitment(ctx: Context, input: CommitmentBody): Promise<CommitmentView> {
  return inTransaction(ctx.db, async (trx) => {
    const symbol = input.symbol?.trim() || null;
    if (symbol) {
      const taken = await trx.selectFrom('consensus_commitment').select('id').where('symbol', '=', symbol).executeTakeFirst();
      if (taken) fieldError('/symbol', 'The register already holds a document with this symbol.');
    }
    const row = await trx
      .insertInto('consensus_commitment')
      .values({ symbol, title: input.title.trim(), year: input.year, place: input.place?.trim() || null })
      .returning(['id', 'symbol', 'title', 'year', 'place'])
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      verb: 'consensus.register',
      recordType: 'consensus_commitment',
      recordId: row.id,
      details: { title: row.title },
    });
    return row;
  });
}
