import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Reader } from '../membership.js';
import type { LibraryDocumentTable, LibraryVersionTable } from '../tables.js';
import { readable } from './access-sql.js';

const documentColumns = [
  'd.id',
  'd.title',
  'd.summary',
  'd.doc_type',
  'd.language',
  'd.country_iso2',
  'd.key_areas',
  'd.source_organisation',
  'd.licence',
  'd.access',
  'd.current_version',
  'd.created_by',
  'd.created_at',
] as const;

export type DocumentRow = Awaited<ReturnType<typeof selectReadableDocuments>>[number];

/** The documents among `ids` that the reader may open. */
export function selectReadableDocuments(db: Kysely<DB>, reader: Reader, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('library_document as d')
    .select(documentColumns)
    .select(sql<string | null>`to_char(d.issued_on, 'YYYY-MM-DD')`.as('issued_day'))
    .where('d.id', 'in', ids)
    .where(readable(reader, 'd'))
    .execute();
}

export function selectVersions(db: Kysely<DB>, documentIds: string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('library_version')
    .select([
      'document_id',
      'version',
      'file_name',
      'media_type',
      'byte_size',
      'sha256',
      'page_count',
      'extraction',
      'pages_done',
      'has_text_layer',
      'uploaded_at',
    ])
    .where('document_id', 'in', documentIds)
    .orderBy('version', 'desc')
    .execute();
}

export function selectDocumentGroups(db: Kysely<DB>, documentIds: string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('library_document_group as dg')
    .innerJoin('library_group as g', 'g.id', 'dg.group_id')
    .select(['dg.document_id', 'g.id', 'g.name'])
    .where('dg.document_id', 'in', documentIds)
    .orderBy('g.name')
    .execute();
}

/** One version's bytes, if the reader may open the document. */
export function selectReadableFile(db: Kysely<DB>, reader: Reader, documentId: string, version: number | undefined) {
  return db
    .selectFrom('library_document as d')
    .innerJoin('library_version as v', 'v.document_id', 'd.id')
    .select(['d.id', 'd.access', 'v.version', 'v.file_name', 'v.media_type', 'v.content'])
    .where('d.id', '=', documentId)
    .where(readable(reader, 'd'))
    .where(version === undefined ? sql<boolean>`v.version = d.current_version` : sql<boolean>`v.version = ${version}`)
    .executeTakeFirst();
}

export function insertDocument(db: Kysely<DB>, values: Insertable<LibraryDocumentTable>) {
  return db.insertInto('library_document').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertVersion(db: Kysely<DB>, values: Insertable<LibraryVersionTable>) {
  return db.insertInto('library_version').values(values).execute();
}

export async function replaceDocumentGroups(db: Kysely<DB>, documentId: string, groups: string[]) {
  await db.deleteFrom('library_document_group').where('document_id', '=', documentId).execute();
  if (groups.length > 0) {
    await db
      .insertInto('library_document_group')
      .values(groups.map((group_id) => ({ document_id: documentId, group_id })))
      .execute();
  }
}

export async function existingCodes(db: Kysely<DB>, table: 'key_area' | 'language', codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function existingCountry(db: Kysely<DB>, iso2: string): Promise<boolean> {
  return (await db.selectFrom('country').select('iso2').where('iso2', '=', iso2).executeTakeFirst()) !== undefined;
}

export async function existingGroups(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('library_group').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Claims the oldest version waiting for its text (or whose reader died), for ten minutes. */
export async function claimPendingVersion(db: Kysely<DB>) {
  const { rows } = await sql<{ document_id: string; version: number; media_type: string; content: Buffer }>`
    update library_version v set extraction = 'running', pages_done = 0, claimed_until = now() + interval '10 minutes'
    from (select document_id, version from library_version
          where extraction = 'pending' or (extraction = 'running' and claimed_until < now())
          order by uploaded_at limit 1 for update skip locked) next
    where v.document_id = next.document_id and v.version = next.version
    returning v.document_id, v.version, v.media_type, v.content`.execute(db);
  return rows[0];
}

export function updateProgress(db: Kysely<DB>, documentId: string, version: number, pagesDone: number, pageCount: number | null) {
  return db
    .updateTable('library_version')
    .set({ pages_done: pagesDone, ...(pageCount !== null ? { page_count: pageCount } : {}) })
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .execute();
}

/** Records a version's text, and makes it the document's searched text when it is the current version. */
export async function finishExtraction(
  db: Kysely<DB>,
  documentId: string,
  version: number,
  outcome: { text: string; pages: number | null; hasTextLayer: boolean | null } | { error: string },
) {
  if ('error' in outcome) {
    await db
      .updateTable('library_version')
      .set({ extraction: 'failed', extraction_error: outcome.error.slice(0, 500), claimed_until: null })
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .execute();
    return;
  }
  await db
    .updateTable('library_version')
    .set({
      extraction: 'done',
      text: outcome.text,
      page_count: outcome.pages,
      pages_done: outcome.pages ?? 1,
      has_text_layer: outcome.hasTextLayer,
      claimed_until: null,
    })
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .execute();
  await db
    .updateTable('library_document')
    .set({ body_text: outcome.text })
    .where('id', '=', documentId)
    .where('current_version', '=', version)
    .execute();
}

export function selectGroups(db: Kysely<DB>) {
  return db.selectFrom('library_group').select(['id', 'name']).orderBy('name').execute();
}

export function selectGroupMembers(db: Kysely<DB>) {
  return db
    .selectFrom('library_group_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.group_id', 'u.id', 'u.name'])
    .orderBy('u.name')
    .execute();
}
