import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
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

async function checkSymbolFree(trx: Context['db'], symbol: string | null, except?: string) {
  if (!symbol) return;
  let query = trx.selectFrom('consensus_commitment').select('id').where('symbol', '=', symbol);
  if (except) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst()) fieldError('/symbol', 'The register already holds a document with this symbol.');
}

/** The Secretariat adds a commitment to the register. */
export async function addCommitment(ctx: Context, input: CommitmentBody): Promise<CommitmentView> {
  return inTransaction(ctx.db, async (trx) => {
    const symbol = input.symbol?.trim() || null;
    await checkSymbolFree(trx, symbol);
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

/** The Secretariat corrects a document of the register; paragraphs that recall it follow. */
export async function editCommitment(ctx: Context, id: string, input: CommitmentBody): Promise<CommitmentView> {
  return inTransaction(ctx.db, async (trx) => {
    const symbol = input.symbol?.trim() || null;
    await checkSymbolFree(trx, symbol, id);
    const row = await trx
      .updateTable('consensus_commitment')
      .set({ symbol, title: input.title.trim(), year: input.year, place: input.place?.trim() || null })
      .where('id', '=', id)
      .returning(['id', 'symbol', 'title', 'year', 'place'])
      .executeTakeFirst();
    if (!row) throw new Problem('not_found', 'There is no such commitment in the register.');
    await audit(trx, ctx, {
      verb: 'consensus.register',
      recordType: 'consensus_commitment',
      recordId: row.id,
      details: { title: row.title, edited: true },
    });
    return row;
  });
}
