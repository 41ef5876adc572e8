import { holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { selectParagraph } from '../documents/queries.js';
import { ownStates } from '../present.js';
import * as q from '../queries.js';
import type { DocumentView } from '../schemas.js';
import { actingState, documentView, fieldError, lockDrafting } from '../view.js';
import type { Matrix, PositionBody } from './schemas.js';

/** A delegation states its State's position on a paragraph; an objection needs its reason. */
export async function setPosition(ctx: Context, id: string, paragraphId: string, input: PositionBody): Promise<DocumentView> {
  const country = actingState(ctx, 'consensus.position', input.country);
  const reason = input.reason?.trim() ?? '';
  if (input.stance === 'objection' && !reason) fieldError('/reason', 'Give the reason for the objection.');
  return inTransaction(ctx.db, async (trx) => {
    const row = await lockDrafting(trx, id);
    if (row.current_revision === 0) throw new Problem('conflict', 'Positions are taken on an issued revision.');
    if (!(await selectParagraph(trx, id, paragraphId))) throw new Problem('not_found', 'There is no such paragraph.');
    if (input.stance === 'not_stated') {
      await trx
        .deleteFrom('consensus_position')
        .where('paragraph_id', '=', paragraphId)
        .where('country_iso2', '=', country)
        .execute();
    } else {
      const values = { stance: input.stance, reason, updated_by: ctx.actor?.userId ?? null, updated_at: new Date() };
      await trx
        .insertInto('consensus_position')
        .values({ paragraph_id: paragraphId, country_iso2: country, document_id: id, ...values })
        .onConflict((oc) => oc.columns(['paragraph_id', 'country_iso2']).doUpdateSet(values))
        .execute();
    }
    await audit(trx, ctx, {
      verb: 'consensus.position',
      recordType: 'consensus_document',
      recordId: id,
      details: { paragraph: paragraphId, country, stance: input.stance },
    });
    await q.insertEvent(trx, id, 'position');
    return documentView(ctx, id, trx);
  });
}

/** The States × paragraphs matrix: whole for the chair, the Secretariat or where the document shows names; else the reader's own row. */
export async function matrix(ctx: Context, id: string): Promise<Matrix> {
  const view = await documentView(ctx, id);
  const complete = holds(ctx.actor, 'consensus.read_all') || view.showNames;
  const own = new Set(ownStates(ctx, 'consensus.position'));
  const all = await q.selectParticipatingStates(ctx.db);
  const positions = await q.selectPositions(ctx.db, id);
  return {
    states: complete ? all : all.filter((s) => own.has(s)),
    paragraphs: view.paragraphs.map((p) => ({ id: p.id, number: p.number, state: p.state })),
    cells: positions
      .filter((p) => complete || own.has(p.country_iso2))
      .map((p) => ({ paragraphId: p.paragraph_id, country: p.country_iso2, stance: p.stance, reason: p.reason })),
    complete,
  };
}
