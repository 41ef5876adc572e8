import { holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { summary } from '../present.js';
import * as cq from '../queries.js';
import type { DocumentSummary, DocumentView } from '../schemas.js';
import { documentView, fieldError, lockDrafting } from '../view.js';
import * as q from './queries.js';
import type {
  AddParagraphBody,
  CreateDocumentBody,
  DocumentQuery,
  EditParagraphBody,
  SymbolBody,
  UpdateDocumentBody,
} from './schemas.js';

/** Documents by body and stage; the public sees adopted ones only. */
export async function listDocuments(ctx: Context, query: DocumentQuery) {
  const adoptedOnly = !holds(ctx.actor, 'consensus.follow');
  const { rows, total } = await q.selectDocuments(ctx.db, { ...query, adoptedOnly });
  return { items: rows.map(summary) as DocumentSummary[], total, limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

/** One document as the reader may see it. */
export function getDocument(ctx: Context, id: string) {
  return documentView(ctx, id);
}

/** One adopted decision with its statements, for anyone. */
export function getPublicDecision(ctx: Context, id: string) {
  return documentView(ctx, id, ctx.db, true);
}

/** The chair opens a draft with its symbol (MC.DD/7/16). */
export async function createDocument(ctx: Context, input: CreateDocumentBody): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom('consensus_document')
      .select('id')
      .where('council', '=', input.council)
      .where('number', '=', input.number)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (taken)
      fieldError('/number', `The symbol ${input.council}.DD/${input.number}/${input.year} is already given to another draft.`);
    const { id } = await trx
      .insertInto('consensus_document')
      .values({
        council: input.council,
        number: input.number,
        year: input.year,
        kind: input.kind ?? 'decision',
        title: input.title.trim(),
        body: input.body,
        original_language: input.originalLanguage ?? 'en',
        created_by: ctx.actor?.userId ?? null,
        decision_number: null,
        adopted_at: null,
        adopted_how: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      verb: 'consensus.create',
      recordType: 'consensus_document',
      recordId: id,
      details: { title: input.title },
    });
    await cq.insertEvent(trx, id, 'created');
    return documentView(ctx, id, trx);
  });
}

/** Renames a draft, moves it to another body, or shows the names behind positions to every delegation. */
export async function updateDocument(ctx: Context, id: string, input: UpdateDocumentBody): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await cq.selectDocument(trx, id, true);
    if (!row) throw new Problem('not_found', 'There is no such document.');
    if (row.stage === 'adopted') throw new Problem('conflict', 'An adopted text cannot change.');
    await trx
      .updateTable('consensus_document')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.showNames !== undefined ? { show_names: input.showNames } : {}),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.edit',
      recordType: 'consensus_document',
      recordId: id,
      details: { fields: Object.keys(input) },
    });
    await cq.insertEvent(trx, id, 'edited');
    return documentView(ctx, id, trx);
  });
}

async function checkCommitment(trx: Context['db'], commitmentId: string | null | undefined) {
  if (!commitmentId) return;
  const found = await trx.selectFrom('consensus_commitment').select('id').where('id', '=', commitmentId).executeTakeFirst();
  if (!found) fieldError('/commitmentId', 'There is no such commitment in the register.');
}

/** The chair adds a paragraph to the working text, after another or at the end of its part. */
export async function addParagraph(ctx: Context, id: string, input: AddParagraphBody): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    await checkCommitment(trx, input.commitmentId);
    let parentId = input.parentId ?? null;
    let afterPosition: number | null = null;
    if (parentId) {
      const parent = await q.selectParagraph(trx, id, parentId);
      if (!parent || parent.parent_id)
        fieldError('/parentId', 'A sub-paragraph hangs under a paragraph of this text that is not itself a sub-paragraph.');
      if (parent.part !== input.part) fieldError('/part', 'A sub-paragraph belongs to the part of its paragraph.');
    }
    if (input.afterId) {
      const after = await q.selectParagraph(trx, id, input.afterId);
      if (!after || after.part !== input.part || after.parent_id !== parentId) {
        fieldError('/afterId', 'The paragraph to insert after is not in the same part of this text.');
      }
      afterPosition = after.position;
      parentId = after.parent_id;
    }
    await q.insertParagraph(trx, {
      documentId: id,
      part: input.part,
      parentId,
      afterPosition,
      text: input.text.trim(),
      commitmentId: input.commitmentId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'consensus.edit',
      recordType: 'consensus_document',
      recordId: id,
      details: { added: input.part },
    });
    await cq.insertEvent(trx, id, 'text');
    return documentView(ctx, id, trx);
  });
}

/** The chair rewords a paragraph or changes the commitment it recalls. */
export async function editParagraph(
  ctx: Context,
  id: string,
  paragraphId: string,
  input: EditParagraphBody,
): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    if (!(await q.selectParagraph(trx, id, paragraphId))) throw new Problem('not_found', 'There is no such paragraph.');
    await checkCommitment(trx, input.commitmentId);
    await trx
      .updateTable('consensus_paragraph')
      .set({
        ...(input.text !== undefined ? { text: input.text.trim() } : {}),
        ...(input.commitmentId !== undefined ? { commitment_id: input.commitmentId } : {}),
      })
      .where('id', '=', paragraphId)
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.edit',
      recordType: 'consensus_document',
      recordId: id,
      details: { paragraph: paragraphId },
    });
    await cq.insertEvent(trx, id, 'text');
    return documentView(ctx, id, trx);
  });
}

/** The chair deletes a paragraph from the working text (its amendments are flagged at the next revision). */
export async function removeParagraph(ctx: Context, id: string, paragraphId: string): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    if (!(await q.selectParagraph(trx, id, paragraphId))) throw new Problem('not_found', 'There is no such paragraph.');
    await q.deleteParagraph(trx, paragraphId);
    await audit(trx, ctx, {
      verb: 'consensus.edit',
      recordType: 'consensus_document',
      recordId: id,
      details: { deleted: paragraphId },
    });
    await cq.insertEvent(trx, id, 'text');
    return documentView(ctx, id, trx);
  });
}

/** The chair withdraws a draft that will not be adopted: it leaves drafting for good, its text kept. */
export async function withdrawDocument(ctx: Context, id: string): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    await trx.updateTable('consensus_document').set({ stage: 'withdrawn' }).where('id', '=', id).execute();
    await trx
      .updateTable('consensus_amendment')
      .set({ status: 'left', decided_at: new Date() })
      .where('document_id', '=', id)
      .where('status', '=', 'tabled')
      .execute();
    await audit(trx, ctx, { verb: 'consensus.withdraw', recordType: 'consensus_document', recordId: id, details: {} });
    await cq.insertEvent(trx, id, 'withdrawn');
    return documentView(ctx, id, trx);
  });
}

/** The Secretariat corrects a draft's symbol (council, number, year) before adoption; a symbol is given once. */
export async function changeSymbol(ctx: Context, id: string, input: SymbolBody): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await cq.selectDocument(trx, id, true);
    if (!row) throw new Problem('not_found', 'There is no such document.');
    if (row.stage === 'adopted' || row.stage === 'withdrawn')
      throw new Problem('conflict', 'The symbol of an adopted or withdrawn text no longer changes.');
    const taken = await trx
      .selectFrom('consensus_document')
      .select('id')
      .where('council', '=', input.council)
      .where('number', '=', input.number)
      .where('year', '=', input.year)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (taken)
      fieldError('/number', `The symbol ${input.council}.DD/${input.number}/${input.year} is already given to another draft.`);
    await trx
      .updateTable('consensus_document')
      .set({ council: input.council, number: input.number, year: input.year })
      .where('id', '=', id)
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.symbol',
      recordType: 'consensus_document',
      recordId: id,
      details: { from: summary(row).symbol, council: input.council, number: input.number, year: input.year },
    });
    await cq.insertEvent(trx, id, 'edited');
    return documentView(ctx, id, trx);
  });
}
