import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { FrozenParagraph } from './tables.js';
import { inReadingOrder } from './text.js';

/** The document row, locked for the rest of the transaction when asked. */
export async function selectDocument(db: Kysely<DB>, id: string, lock = false) {
  let query = db.selectFrom('consensus_document').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof selectDocument>>>;

/** The live paragraphs of the working text, in reading order. */
export async function selectLiveParagraphs(db: Kysely<DB>, documentId: string) {
  const rows = await db
    .selectFrom('consensus_paragraph')
    .select(['id', 'part', 'parent_id', 'position', 'text', 'commitment_id'])
    .where('document_id', '=', documentId)
    .where('deleted', '=', false)
    .execute();
  return inReadingOrder(rows.map((r) => ({ ...r, parentId: r.parent_id })));
}

/** The working text as a revision would freeze it. */
export async function selectWorkingText(db: Kysely<DB>, documentId: string): Promise<FrozenParagraph[]> {
  return (await selectLiveParagraphs(db, documentId)).map((p) => ({
    id: p.id,
    part: p.part,
    parentId: p.parentId,
    text: p.text,
    commitmentId: p.commitment_id,
  }));
}

export async function selectRevision(db: Kysely<DB>, documentId: string, number: number) {
  return db
    .selectFrom('consensus_revision')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Positions on the live paragraphs of a document. */
export async function selectPositions(db: Kysely<DB>, documentId: string) {
  return db
    .selectFrom('consensus_position as p')
    .innerJoin('consensus_paragraph as g', 'g.id', 'p.paragraph_id')
    .select(['p.paragraph_id', 'p.country_iso2', 'p.stance', 'p.reason', 'p.updated_at'])
    .where('p.document_id', '=', documentId)
    .where('g.deleted', '=', false)
    .execute();
}

/** Whether any State holds an objection on a live paragraph: consensus is then impossible. */
export async function countObjections(db: Kysely<DB>, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('consensus_position as p')
    .innerJoin('consensus_paragraph as g', 'g.id', 'p.paragraph_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('p.document_id', '=', documentId)
    .where('g.deleted', '=', false)
    .where('p.stance', '=', 'objection')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The participating States, whose consensus a decision needs. */
export async function selectParticipatingStates(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('country')
    .select('iso2')
    .where('osce_status', '=', 'participating')
    .orderBy('name_en')
    .execute();
  return rows.map((r) => r.iso2);
}

/** Records that something happened to a document, for the live pages of every instance. */
export async function insertEvent(db: Kysely<DB>, documentId: string, kind: string) {
  await db.insertInto('consensus_event').values({ document_id: documentId, kind }).execute();
  await db.updateTable('consensus_document').set({ updated_at: sql`now()` }).where('id', '=', documentId).execute();
}

/** Events of a document after the one a page saw last. */
export async function selectEventsAfter(db: Kysely<DB>, documentId: string, afterId: string, limit = 100) {
  return db
    .selectFrom('consensus_event')
    .select(['id', 'kind', 'at'])
    .where('document_id', '=', documentId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The latest event of a document ("0" when none). */
export async function lastEventId(db: Kysely<DB>, documentId: string): Promise<string> {
  const row = await db
    .selectFrom('consensus_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row?.id ? String(row.id) : '0';
}

/** Everything the document page shows besides its paragraphs. */
export async function selectDocumentLists(db: Kysely<DB>, documentId: string) {
  const [revisions, amendments, cosponsors, silences, statements, joiners, commitments] = await Promise.all([
    db
      .selectFrom('consensus_revision')
      .select(['number', 'issued_at'])
      .where('document_id', '=', documentId)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('consensus_amendment')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('consensus_cosponsor as c')
      .innerJoin('consensus_amendment as a', 'a.id', 'c.amendment_id')
      .select(['c.amendment_id', 'c.country_iso2'])
      .where('a.document_id', '=', documentId)
      .orderBy('c.country_iso2')
      .execute(),
    db.selectFrom('consensus_silence').selectAll().where('document_id', '=', documentId).orderBy('started_at').execute(),
    db.selectFrom('consensus_statement').selectAll().where('document_id', '=', documentId).orderBy('number').execute(),
    db
      .selectFrom('consensus_statement_joiner as j')
      .innerJoin('consensus_statement as s', 's.id', 'j.statement_id')
      .select(['j.statement_id', 'j.country_iso2'])
      .where('s.document_id', '=', documentId)
      .orderBy('j.country_iso2')
      .execute(),
    db
      .selectFrom('consensus_commitment as c')
      .innerJoin('consensus_paragraph as p', 'p.commitment_id', 'c.id')
      .select(['c.id', 'c.symbol', 'c.title', 'c.year', 'c.place'])
      .where('p.document_id', '=', documentId)
      .distinct()
      .execute(),
  ]);
  return { revisions, amendments, cosponsors, silences, statements, joiners, commitments };
}
