import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

let counter = 0;

/**
 * A document with two paragraphs and Rev.1 issued: in drafting, or adopted (as MC.DEC) when asked.
 * Numbers count up per call (in year 30) so that fixtures never collide with each other or with real drafts.
 */
export async function insertTestDocument(db: Kysely<DB>, options: { adopted?: boolean } = {}) {
  counter++;
  const number = counter;
  const { id } = await db
    .insertInto('consensus_document')
    .values({
      council: 'MC',
      number,
      year: 30,
      title: `Test draft ${counter}`,
      body: 'ministerial_council',
      current_revision: 1,
      stage: options.adopted ? 'adopted' : 'drafting',
      decision_number: options.adopted ? number : null,
      adopted_at: options.adopted ? new Date() : null,
      adopted_how: options.adopted ? 'meeting' : null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pp = await db
    .insertInto('consensus_paragraph')
    .values({
      document_id: id,
      part: 'preambular',
      parent_id: null,
      position: 1,
      text: 'Recalling the Helsinki Final Act,',
      commitment_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const op = await db
    .insertInto('consensus_paragraph')
    .values({
      document_id: id,
      part: 'operative',
      parent_id: null,
      position: 1,
      text: 'Tasks the executive structures to report on mixed migration;',
      commitment_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const paragraphs = [
    { id: pp.id, part: 'preambular', parentId: null, text: 'Recalling the Helsinki Final Act,', commitmentId: null },
    {
      id: op.id,
      part: 'operative',
      parentId: null,
      text: 'Tasks the executive structures to report on mixed migration;',
      commitmentId: null,
    },
  ];
  await db
    .insertInto('consensus_revision')
    .values({ document_id: id, number: 1, paragraphs: JSON.stringify(paragraphs), issued_by: null })
    .execute();
  let amendmentId: string | undefined;
  let statementId: string | undefined;
  if (!options.adopted) {
    const row = await db
      .insertInto('consensus_amendment')
      .values({
        document_id: id,
        kind: 'replace',
        paragraph_id: op.id,
        after_paragraph_id: null,
        part: null,
        old_words: 'report',
        new_words: 'report annually',
        sponsor_iso2: 'IT',
        created_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    amendmentId = row.id;
  } else {
    const row = await db
      .insertInto('consensus_statement')
      .values({ document_id: id, number: 1, country_iso2: 'IT', text: 'Italy joins the consensus.', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    statementId = row.id;
  }
  return {
    id,
    number,
    preambularId: pp.id,
    operativeId: op.id,
    amendmentId: amendmentId as string,
    statementId: statementId as string,
  };
}

/** Puts a document under silence until the deadline given (the worker does not run in tests). */
export async function putUnderSilence(db: Kysely<DB>, documentId: string, deadline: Date) {
  await db.updateTable('consensus_document').set({ stage: 'silence' }).where('id', '=', documentId).execute();
  await db
    .insertInto('consensus_silence')
    .values({
      document_id: documentId,
      revision_number: 1,
      deadline,
      started_by: null,
      broken_by_iso2: null,
      statement: null,
      ended_at: null,
    })
    .execute();
}
