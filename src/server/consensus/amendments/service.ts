import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { deleteParagraph, insertParagraph, selectParagraph } from '../documents/queries.js';
import * as q from '../queries.js';
import type { DocumentView } from '../schemas.js';
import { replaceWords } from '../text.js';
import { actingState, checkStates, documentView, fieldError, lockDrafting } from '../view.js';
import type { CosponsorBody, DecideBody, TableAmendmentBody } from './schemas.js';

/** A delegation tables an amendment for its State, alone or with co-sponsors: insert, delete or replace words, with a justification. */
export async function tableAmendment(ctx: Context, id: string, input: TableAmendmentBody): Promise<DocumentView> {
  const sponsor = actingState(ctx, 'consensus.amend', input.country);
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    const cosponsors = (input.cosponsors ?? []).filter((c) => c !== sponsor);
    await checkStates(trx, '/cosponsors', cosponsors);
    let paragraphId: string | null = null;
    let afterId: string | null = null;
    let part = input.part ?? null;
    if (input.kind === 'insert') {
      if (!input.newWords) fieldError('/newWords', 'Write the paragraph to insert.');
      if (input.afterParagraphId) {
        const after = await selectParagraph(trx, id, input.afterParagraphId);
        if (!after) fieldError('/afterParagraphId', 'There is no such paragraph in this text.');
        afterId = after.id;
        part = after.part;
      }
      if (!part) fieldError('/part', 'Say whether the new paragraph is preambular or operative.');
    } else {
      if (!input.paragraphId) fieldError('/paragraphId', 'Choose the paragraph to amend.');
      const paragraph = await selectParagraph(trx, id, input.paragraphId);
      if (!paragraph) fieldError('/paragraphId', 'There is no such paragraph in this text.');
      paragraphId = paragraph.id;
      if (input.kind === 'replace') {
        if (!input.oldWords || !paragraph.text.includes(input.oldWords))
          fieldError('/oldWords', 'These words are not in the paragraph.');
        if (input.newWords === undefined) fieldError('/newWords', 'Write the words that replace them.');
      }
    }
    const { id: amendmentId } = await trx
      .insertInto('consensus_amendment')
      .values({
        document_id: id,
        kind: input.kind,
        paragraph_id: paragraphId,
        after_paragraph_id: afterId,
        part,
        old_words: input.kind === 'replace' ? (input.oldWords ?? null) : null,
        new_words: input.kind === 'delete' ? null : (input.newWords ?? null),
        justification: input.justification?.trim() ?? '',
        sponsor_iso2: sponsor,
        created_by: ctx.actor?.userId ?? null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (cosponsors.length > 0) {
      await trx
        .insertInto('consensus_cosponsor')
        .values(cosponsors.map((country_iso2) => ({ amendment_id: amendmentId, country_iso2 })))
        .execute();
    }
    await audit(trx, ctx, {
      verb: 'consensus.amend',
      recordType: 'consensus_amendment',
      recordId: amendmentId,
      details: { sponsor, kind: input.kind },
    });
    await q.insertEvent(trx, id, 'amendment');
    return documentView(ctx, id, trx);
  });
}

async function lockAmendment(trx: Context['db'], id: string, amendmentId: string) {
  const row = await trx
    .selectFrom('consensus_amendment')
    .selectAll()
    .where('id', '=', amendmentId)
    .where('document_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new Problem('not_found', 'There is no such amendment.');
  return row;
}

/** A delegation co-sponsors a tabled amendment for its State. */
export async function cosponsor(ctx: Context, id: string, amendmentId: string, input: CosponsorBody): Promise<DocumentView> {
  const country = actingState(ctx, 'consensus.amend', input.country);
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    const row = await lockAmendment(trx, id, amendmentId);
    if (row.status !== 'tabled') throw new Problem('conflict', 'The chair has already decided on this amendment.');
    if (row.sponsor_iso2 === country) throw new Problem('conflict', 'Your State already sponsors this amendment.');
    await trx
      .insertInto('consensus_cosponsor')
      .values({ amendment_id: amendmentId, country_iso2: country })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.amend',
      recordType: 'consensus_amendment',
      recordId: amendmentId,
      details: { cosponsor: country },
    });
    await q.insertEvent(trx, id, 'amendment');
    return documentView(ctx, id, trx);
  });
}

/** The chair takes an amendment into the working text, merges it in their own words, or leaves it. */
export async function decideAmendment(ctx: Context, id: string, amendmentId: string, input: DecideBody): Promise<DocumentView> {
  return inTransaction(ctx.db, async (trx) => {
    await lockDrafting(trx, id);
    const row = await lockAmendment(trx, id, amendmentId);
    if (row.status !== 'tabled') throw new Problem('conflict', 'The chair has already decided on this amendment.');
    const paragraph = row.paragraph_id ? await selectParagraph(trx, id, row.paragraph_id) : undefined;
    if (input.decision !== 'left' && row.paragraph_id && !paragraph) {
      throw new Problem('conflict', 'The paragraph of this amendment was deleted: it can only be left.');
    }
    if (input.decision === 'merged') {
      if (!input.text) fieldError('/text', 'Write the merged words.');
      if (paragraph)
        await trx.updateTable('consensus_paragraph').set({ text: input.text }).where('id', '=', paragraph.id).execute();
      else {
        const after = row.after_paragraph_id ? await selectParagraph(trx, id, row.after_paragraph_id) : undefined;
        await insertParagraph(trx, {
          documentId: id,
          part: row.part ?? 'operative',
          parentId: after?.parent_id ?? null,
          afterPosition: after?.position ?? null,
          text: input.text,
          commitmentId: null,
        });
      }
    } else if (input.decision === 'taken') {
      if (row.kind === 'insert') {
        const after = row.after_paragraph_id ? await selectParagraph(trx, id, row.after_paragraph_id) : undefined;
        await insertParagraph(trx, {
          documentId: id,
          part: row.part ?? 'operative',
          parentId: after?.parent_id ?? null,
          afterPosition: after?.position ?? null,
          text: row.new_words ?? '',
          commitmentId: null,
        });
      } else if (row.kind === 'delete' && paragraph) {
        await deleteParagraph(trx, paragraph.id);
      } else if (row.kind === 'replace' && paragraph) {
        const text = replaceWords(paragraph.text, row.old_words ?? '', row.new_words ?? '');
        if (text === null)
          throw new Problem('conflict', 'The words this amendment replaces are no longer in the paragraph: merge it instead.');
        await trx
          .updateTable('consensus_paragraph')
          .set({ text: text.replace(/\s{2,}/g, ' ').trim() })
          .where('id', '=', paragraph.id)
          .execute();
      }
    }
    await trx
      .updateTable('consensus_amendment')
      .set({ status: input.decision, decided_at: new Date() })
      .where('id', '=', amendmentId)
      .execute();
    await audit(trx, ctx, {
      verb: 'consensus.decide_amendment',
      recordType: 'consensus_amendment',
      recordId: amendmentId,
      details: { decision: input.decision },
    });
    await q.insertEvent(trx, id, 'amendment');
    return documentView(ctx, id, trx);
  });
}
