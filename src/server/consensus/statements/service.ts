import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import * as q from '../queries.js';
import type { DocumentView } from '../schemas.js';
import { actingState, documentView } from '../view.js';
import type { JoinBody, StatementBody } from './schemas.js';

async function lockAdopted(trx: Context['db'], id: string) {
  const row = await q.selectDocument(trx, id, true);
  if (!row) throw new Problem('not_found', 'There is no such document.');
  if (row.stage !== 'adopted') throw new Problem('conflict', 'Interpretative statements are made once the decision is adopted.');
  return row;
}

/** A delegation attaches an interpretative statement of its State to an adopted decision; it becomes the next numbered attachment. */
export async function makeStatement(ctx: Context, id: string, input: StatementBody): Promise<DocumentView> {
  const country = actingState(ctx, 'consensus.speak', input.country);
  return inTransaction(ctx.db, async (trx) => {
    await lockAdopted(trx, id);
    const last = await trx
      .selectFrom('consensus_statement')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('document_id', '=', id)
      .executeTakeFirst();
    const { id: statementId } = await trx
      .insertInto('consensus_statement')
      .values({
        document_id: id,
        number: (last?.n ?? 0) + 1,
        country_iso2: country,
        text: input.text.trim(),
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      verb: 'consensus.statement',
      recordType: 'consensus_statement',
      recordId: statementId,
      details: { country },
    });
    await q.insertEvent(trx, id, 'statement');
    return documentView(ctx, id, trx);
  });
}

/** Another State joins an interpretative statement. */
export async function joinStatement(ctx: Context, id: string, statementId: string, input: JoinBody): Promise<DocumentView> {
  const country = actingState(ctx, 'consensus.speak', input.country);
  return inTransaction(ctx.db, async (trx) => {
    await lockAdopted(trx, id);
    const statement = await trx
      .selectFrom('consensus_statement')
      .selectAll()
      .where('id', '=', statementId)
      .where('document_id', '=', id)
      .executeTakeFirst();
    if (!statement) throw new Problem('not_found', 'There is no such statement.');
    if (statement.country_iso2 === country) throw new Problem('conflict', 'This is your State’s own statement.');
    await trx
      .insertInto('consensus_statement_joiner')
      .values({ statement_id: statementId, country_iso2: country })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.join_statement',
      recordType: 'consensus_statement',
      recordId: statementId,
      details: { country },
    });
    await q.insertEvent(trx, id, 'statement');
    return documentView(ctx, id, trx);
  });
}
