import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { adoptDocument } from '../adoption.js';
import { compareRevisions } from '../diff.js';
import { tellRevisionIssued } from '../notices.js';
import { draftSymbol } from '../present.js';
import * as q from '../queries.js';
import type { DocumentView } from '../schemas.js';
import type { FrozenParagraph } from '../tables.js';
import { documentView, lockDrafting } from '../view.js';
import { bracketInsertion, bracketParagraph } from './compile.js';
import type { AdoptBody, CompareQuery, Comparison, Compilation } from './schemas.js';

/**
 * The chair issues the next revision: the working text frozen as Rev.k. Tabled amendments whose
 * paragraph is gone are flagged so that the chair and their sponsors see them.
 */
export async function issueRevision(ctx: Context, id: string): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await lockDrafting(trx, id);
    const paragraphs = await q.selectWorkingText(trx, id);
    if (paragraphs.length === 0) throw new Problem('conflict', 'The text has no paragraph yet.');
    const number = row.current_revision + 1;
    await trx
      .insertInto('consensus_revision')
      .values({ document_id: id, number, paragraphs: JSON.stringify(paragraphs), issued_by: ctx.actor?.userId ?? null })
      .execute();
    await trx.updateTable('consensus_document').set({ current_revision: number }).where('id', '=', id).execute();
    const live = paragraphs.map((p) => p.id);
    await trx
      .updateTable('consensus_amendment')
      .set({ flagged: true })
      .where('document_id', '=', id)
      .where('status', '=', 'tabled')
      .where('paragraph_id', 'is not', null)
      .where((eb) => (live.length > 0 ? eb('paragraph_id', 'not in', live) : eb.lit(true)))
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.issue',
      recordType: 'consensus_document',
      recordId: id,
      details: { revision: number },
    });
    await q.insertEvent(trx, id, 'revision');
    await tellRevisionIssued(trx, row, number, ctx.actor?.userId);
    return documentView(ctx, id, trx);
  });
}

async function frozenText(ctx: Context, id: string, number: number): Promise<FrozenParagraph[]> {
  if (number === 0) return q.selectWorkingText(ctx.db, id);
  const revision = await q.selectRevision(ctx.db, id, number);
  if (!revision) throw new Problem('not_found', `There is no revision ${number} of this document.`);
  return revision.paragraphs;
}

/** A word-level comparison of two revisions (or of a revision and the working text), paragraph by paragraph. */
export async function compare(ctx: Context, id: string, query: CompareQuery): Promise<Comparison> {
  const row = await q.selectDocument(ctx.db, id);
  if (!row) throw new Problem('not_found', 'There is no such document.');
  const to = query.to ?? 0;
  const [a, b] = await Promise.all([frozenText(ctx, id, query.from), frozenText(ctx, id, to)]);
  return {
    from: draftSymbol(row, query.from),
    to: to === 0 ? 'working' : draftSymbol(row, to),
    paragraphs: compareRevisions(a, b),
  };
}

/** The chair's compilation: every paragraph with its amendments side by side and unagreed text in brackets. */
export async function compilation(ctx: Context, id: string): Promise<Compilation> {
  const view = await documentView(ctx, id);
  const tabled = view.amendments.filter((a) => a.status === 'tabled');
  const live = new Set(view.paragraphs.map((p) => p.id));
  const paragraphs: Compilation['paragraphs'] = [];
  for (const p of view.paragraphs) {
    const own = tabled.filter((a) => a.paragraphId === p.id);
    paragraphs.push({
      id: p.id,
      number: p.number,
      bracketed: bracketParagraph(p, own),
      agreed: p.state === 'agreed' && own.length === 0,
      amendments: own,
    });
    for (const insert of tabled.filter((a) => a.kind === 'insert' && a.afterParagraphId === p.id)) {
      paragraphs.push({
        id: null,
        number: `${p.number} bis`,
        bracketed: bracketInsertion(insert),
        agreed: false,
        amendments: [insert],
      });
    }
  }
  for (const insert of tabled.filter((a) => a.kind === 'insert' && (!a.afterParagraphId || !live.has(a.afterParagraphId)))) {
    paragraphs.push({
      id: null,
      number: insert.part === 'preambular' ? 'PP new' : 'OP new',
      bracketed: bracketInsertion(insert),
      agreed: false,
      amendments: [insert],
    });
  }
  return {
    symbol: view.symbol,
    paragraphs,
    orphans: tabled.filter((a) => a.paragraphId !== null && !live.has(a.paragraphId)),
  };
}

/** The chair records adoption in a meeting; refused with the count while any objection stands. */
export async function adoptInMeeting(ctx: Context, id: string, input: AdoptBody): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    const number = await adoptDocument(trx, id, 'meeting');
    await audit(trx, ctx, {
      verb: 'consensus.adopt',
      recordType: 'consensus_document',
      recordId: id,
      details: { number, meeting: input.meeting ?? null },
    });
    return documentView(ctx, id, trx);
  });
}
