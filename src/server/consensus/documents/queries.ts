import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Part } from '../tables.js';
import type { DocumentQuery } from './schemas.js';

/** Documents by body and stage, most recently changed first, with the total for paging. */
export async function selectDocuments(db: Kysely<DB>, query: DocumentQuery & { adoptedOnly?: boolean }) {
  let base = db.selectFrom('consensus_document');
  if (query.body) base = base.where('body', '=', query.body);
  if (query.stage) base = base.where('stage', '=', query.stage);
  if (query.adoptedOnly) base = base.where('stage', '=', 'adopted');
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function selectParagraph(db: Kysely<DB>, documentId: string, id: string) {
  return db
    .selectFrom('consensus_paragraph')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .where('deleted', '=', false)
    .executeTakeFirst();
}

/**
 * Inserts a paragraph after another of its group (same part and parent) or at the group's end;
 * those after it move down one place, so numbers follow order while ids stay.
 */
export async function insertParagraph(
  db: Kysely<DB>,
  input: {
    documentId: string;
    part: Part;
    parentId: string | null;
    afterPosition: number | null;
    text: string;
    commitmentId: string | null;
  },
) {
  let group = db.selectFrom('consensus_paragraph').where('document_id', '=', input.documentId).where('part', '=', input.part);
  group = input.parentId ? group.where('parent_id', '=', input.parentId) : group.where('parent_id', 'is', null);
  let position: number;
  if (input.afterPosition === null) {
    const row = await group.select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    position = (row?.p ?? 0) + 1;
  } else {
    position = input.afterPosition + 1;
    let shift = db
      .updateTable('consensus_paragraph')
      .set({ position: sql`position + 1` })
      .where('document_id', '=', input.documentId)
      .where('part', '=', input.part)
      .where('position', '>=', position);
    shift = input.parentId ? shift.where('parent_id', '=', input.parentId) : shift.where('parent_id', 'is', null);
    await shift.execute();
  }
  return db
    .insertInto('consensus_paragraph')
    .values({
      document_id: input.documentId,
      part: input.part,
      parent_id: input.parentId,
      position,
      text: input.text,
      commitment_id: input.commitmentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Deletes a paragraph and its sub-paragraphs from the working text; the rows stay, so amendments and positions on them are kept. */
export async function deleteParagraph(db: Kysely<DB>, id: string) {
  await db
    .updateTable('consensus_paragraph')
    .set({ deleted: true })
    .where((eb) => eb.or([eb('id', '=', id), eb('parent_id', '=', id)]))
    .execute();
}
