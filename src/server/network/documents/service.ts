import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import type { FieldError } from '../../http/problems.js';
import { Problem } from '../../http/problems.js';
import { type Reader, readerOf } from '../membership.js';
import type { DocumentAccess, DocumentType } from '../tables.js';
import * as q from './queries.js';
import { probeDocument } from './reader.js';
import type { EditBody, FileQuery, Group, GroupBody, LibraryDocument, UploadQuery } from './schemas.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const list = (value: string | undefined) => (value ? value.split(',').filter((v) => v.length > 0) : []);

/** Members of the network and its co-ordinator add to the library. */
async function contributor(ctx: Context): Promise<Reader> {
  const reader = await readerOf(ctx);
  if (!reader.userId) throw new Problem('unauthenticated');
  if (!reader.member && !reader.all) {
    throw new Problem('forbidden', 'Only members of the network and the co-ordinator add documents to the library.');
  }
  return reader;
}

interface Metadata {
  title?: string;
  summary?: string;
  type?: DocumentType;
  language?: string;
  country?: string | null;
  keyAreas?: string[];
  access?: DocumentAccess;
  groups?: string[];
}

/** Checks the codes a document names against the reference data, naming the field of each one refused. */
async function checkMetadata(ctx: Context, meta: Metadata, pointers: { keyAreas: string; groups: string }) {
  const errors: FieldError[] = [];
  if (meta.language !== undefined && !(await q.existingCodes(ctx.db, 'language', [meta.language])).has(meta.language)) {
    errors.push({ pointer: '/language', code: 'unknown', message: 'This language is not in the reference data.' });
  }
  if (meta.country && !(await q.existingCountry(ctx.db, meta.country))) {
    errors.push({ pointer: '/country', code: 'unknown', message: 'This country is not in the reference data.' });
  }
  if (meta.keyAreas) {
    const known = await q.existingCodes(ctx.db, 'key_area', meta.keyAreas);
    if (meta.keyAreas.length > 5 || meta.keyAreas.some((k) => !known.has(k))) {
      errors.push({ pointer: pointers.keyAreas, code: 'unknown', message: 'Choose up to five of the five key areas.' });
    }
  }
  if (meta.access === 'groups' || meta.groups) {
    const groups = meta.groups ?? [];
    const known = await q.existingGroups(ctx.db, groups);
    if (groups.some((g) => !known.has(g))) {
      errors.push({ pointer: pointers.groups, code: 'unknown', message: 'One of these groups does not exist.' });
    } else if (meta.access === 'groups' && groups.length === 0) {
      errors.push({ pointer: pointers.groups, code: 'required', message: 'Name at least one group the document is open to.' });
    }
  }
  if (errors.length > 0) throw new Problem('validation', undefined, { errors });
}

const fileNameOf = (given: string | undefined, mediaType: string) =>
  (given ?? '').replace(/[\\/\p{Cc}]/gu, '_').trim() ||
  `document.${{ 'application/pdf': 'pdf', 'text/plain': 'txt', 'application/vnd.oasis.opendocument.text': 'odt' }[mediaType] ?? 'docx'}`;

/**
 * Adds a document to the library: the file is checked by its content on a worker thread first
 * (hostile and unreadable files are refused and nothing is stored), then stored with its
 * metadata in one transaction; its text is extracted afterwards by the library's worker.
 */
export async function uploadDocument(
  ctx: Context,
  bytes: Buffer,
  query: UploadQuery,
  /** More writes of the caller's, in the same transaction as the document's. */
  within?: (trx: Kysely<DB>, id: string) => Promise<void>,
): Promise<LibraryDocument> {
  await contributor(ctx);
  const meta: Metadata = {
    title: query.title,
    type: query.type,
    language: query.language,
    country: query.country ?? null,
    keyAreas: list(query.keyAreas),
    access: query.access ?? 'network',
    groups: list(query.groups),
  };
  await checkMetadata(ctx, meta, { keyAreas: '/keyAreas', groups: '/groups' });
  if (bytes.length === 0) throw new Problem('validation', 'The file is empty.');
  const probe = await probeDocument(bytes);
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await q.insertDocument(trx, {
      title: query.title.trim(),
      summary: query.summary?.trim() ?? '',
      doc_type: query.type,
      language: query.language,
      country_iso2: query.country ?? null,
      key_areas: meta.keyAreas ?? [],
      issued_on: query.issuedOn ?? null,
      source_organisation: query.sourceOrganisation?.trim() ?? '',
      licence: query.licence?.trim() ?? '',
      access: meta.access ?? 'network',
      created_by: ctx.actor?.userId ?? null,
    });
    await q.replaceDocumentGroups(trx, row.id, meta.access === 'groups' ? (meta.groups ?? []) : []);
    await q.insertVersion(trx, {
      document_id: row.id,
      version: 1,
      file_name: fileNameOf(query.fileName, probe.mediaType),
      media_type: probe.mediaType,
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      content: bytes,
      page_count: probe.pages,
      uploaded_by: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'library.upload',
      recordType: 'library_document',
      recordId: row.id,
      details: { mediaType: probe.mediaType, bytes: bytes.length, access: meta.access },
    });
    await within?.(trx, row.id);
    return row.id;
  });
  return getDocument(ctx, id);
}

/** Adds a new version of a document's file (its uploader or the co-ordinator). */
export async function addVersion(
  ctx: Context,
  id: string,
  bytes: Buffer,
  fileName: string | undefined,
): Promise<LibraryDocument> {
  const reader = await contributor(ctx);
  const current = await editable(ctx, reader, id);
  if (bytes.length === 0) throw new Problem('validation', 'The file is empty.');
  const probe = await probeDocument(bytes);
  await inTransaction(ctx.db, async (trx) => {
    const version = current.current_version + 1;
    await q.insertVersion(trx, {
      document_id: id,
      version,
      file_name: fileNameOf(fileName, probe.mediaType),
      media_type: probe.mediaType,
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      content: bytes,
      page_count: probe.pages,
      uploaded_by: ctx.actor?.userId ?? null,
    });
    // Until the new version's text is read, the document is found by its metadata only.
    const moved = await trx
      .updateTable('library_document')
      .set({ current_version: version, body_text: '', updated_at: new Date() })
      .where('id', '=', id)
      .where('current_version', '=', current.current_version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0)
      throw new Problem('conflict', 'Another version was added meanwhile; reload and try again.');
    await audit(trx, ctx, { verb: 'library.version', recordType: 'library_document', recordId: id, details: { version } });
  });
  return getDocument(ctx, id);
}

async function editable(ctx: Context, reader: Reader, id: string) {
  const [row] = await q.selectReadableDocuments(ctx.db, reader, [id]);
  if (!row) throw new Problem('not_found', 'There is no such document in the library.');
  if (!reader.all && row.created_by !== reader.userId)
    throw new Problem('forbidden', 'Only its uploader and the co-ordinator change a document.');
  return row;
}

/** Changes a document's metadata or access (its uploader or the co-ordinator). */
export async function editDocument(ctx: Context, id: string, body: EditBody): Promise<LibraryDocument> {
  const reader = await contributor(ctx);
  const row = await editable(ctx, reader, id);
  const access = body.access ?? row.access;
  await checkMetadata(
    ctx,
    {
      ...body,
      access,
      groups: body.groups ?? (access === 'groups' ? (await q.selectDocumentGroups(ctx.db, [id])).map((g) => g.id) : undefined),
    },
    { keyAreas: '/keyAreas', groups: '/groups' },
  );
  await ctx.db
    .updateTable('library_document')
    .set({
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.summary !== undefined ? { summary: body.summary.trim() } : {}),
      ...(body.type !== undefined ? { doc_type: body.type } : {}),
      ...(body.language !== undefined ? { language: body.language } : {}),
      ...(body.country !== undefined ? { country_iso2: body.country } : {}),
      ...(body.keyAreas !== undefined ? { key_areas: body.keyAreas } : {}),
      ...(body.issuedOn !== undefined ? { issued_on: body.issuedOn } : {}),
      ...(body.sourceOrganisation !== undefined ? { source_organisation: body.sourceOrganisation.trim() } : {}),
      ...(body.licence !== undefined ? { licence: body.licence.trim() } : {}),
      access,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (body.groups !== undefined || body.access !== undefined) {
    await q.replaceDocumentGroups(
      ctx.db,
      id,
      access === 'groups' ? (body.groups ?? (await q.selectDocumentGroups(ctx.db, [id])).map((g) => g.id)) : [],
    );
  }
  await audit(ctx.db, ctx, {
    verb: 'library.edit',
    recordType: 'library_document',
    recordId: id,
    details: { fields: Object.keys(body) },
  });
  return getDocument(ctx, id);
}

/** The documents among `ids` the caller may open, presented; in the order of `ids`. */
export async function presentDocuments(ctx: Context, reader: Reader, ids: string[]): Promise<LibraryDocument[]> {
  const rows = await q.selectReadableDocuments(ctx.db, reader, ids);
  const found = rows.map((r) => r.id);
  const [versions, groups] = await Promise.all([q.selectVersions(ctx.db, found), q.selectDocumentGroups(ctx.db, found)]);
  const byId = new Map(
    rows.map((row): [string, LibraryDocument] => {
      const mine = reader.all || row.created_by === reader.userId;
      return [
        row.id,
        {
          id: row.id,
          title: row.title,
          summary: row.summary,
          type: row.doc_type,
          language: row.language,
          country: row.country_iso2,
          keyAreas: row.key_areas,
          issuedOn: row.issued_day,
          sourceOrganisation: row.source_organisation,
          licence: row.licence,
          access: row.access,
          groups: groups.filter((g) => g.document_id === row.id).map((g) => ({ id: g.id, name: g.name })),
          currentVersion: row.current_version,
          versions: versions
            .filter((v) => v.document_id === row.id)
            .map((v) => ({
              version: v.version,
              fileName: v.file_name,
              mediaType: v.media_type,
              byteSize: v.byte_size,
              sha256: Buffer.from(v.sha256).toString('hex'),
              pageCount: v.page_count,
              extraction: v.extraction,
              pagesDone: v.pages_done,
              hasTextLayer: v.has_text_layer,
              uploadedAt: iso(v.uploaded_at),
            })),
          createdAt: iso(row.created_at),
          actions: mine && (reader.member || reader.all) ? ['edit', 'add_version'] : [],
        },
      ];
    }),
  );
  return ids.flatMap((id) => {
    const doc = byId.get(id);
    return doc ? [doc] : [];
  });
}

/** One document, if the caller may open it. */
export async function getDocument(ctx: Context, id: string): Promise<LibraryDocument> {
  const reader = await readerOf(ctx);
  const [doc] = await presentDocuments(ctx, reader, [id]);
  if (!doc) throw new Problem('not_found', 'There is no such document in the library.');
  return doc;
}

/** A version's file, if the caller may open the document; opening a document that is not public is audited. */
export async function documentFile(ctx: Context, id: string, query: FileQuery) {
  const reader = await readerOf(ctx);
  const file = await q.selectReadableFile(ctx.db, reader, id, query.version);
  if (!file) throw new Problem('not_found', 'There is no such document in the library, or no such version.');
  if (file.access !== 'public') {
    await audit(ctx.db, ctx, {
      verb: 'library.download',
      recordType: 'library_document',
      recordId: id,
      details: { version: file.version, disposition: query.disposition ?? 'attachment', access: file.access },
    });
  }
  return file;
}

/** The named groups and their members (the co-ordinator). */
export async function listGroups(ctx: Context): Promise<Group[]> {
  if (!holds(ctx.actor, 'network.manage')) throw new Problem('forbidden');
  const [groups, members] = await Promise.all([q.selectGroups(ctx.db), q.selectGroupMembers(ctx.db)]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.name })),
  }));
}

/** Creates a named group, or (with an id) replaces its name and members. */
export async function saveGroup(ctx: Context, body: GroupBody, id?: string): Promise<Group> {
  if (!holds(ctx.actor, 'network.manage')) throw new Problem('forbidden');
  let groupId = id;
  if (groupId) {
    const updated = await ctx.db
      .updateTable('library_group')
      .set({ name: body.name.trim() })
      .where('id', '=', groupId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new Problem('not_found', 'There is no such group.');
    await ctx.db.deleteFrom('library_group_member').where('group_id', '=', groupId).execute();
  } else {
    groupId = (
      await ctx.db.insertInto('library_group').values({ name: body.name.trim() }).returning('id').executeTakeFirstOrThrow()
    ).id;
  }
  if (body.members.length > 0) {
    const gid = groupId;
    await ctx.db
      .insertInto('library_group_member')
      .values(body.members.map((user_id) => ({ group_id: gid, user_id })))
      .execute();
  }
  await audit(ctx.db, ctx, {
    verb: 'library.group',
    recordType: 'library_group',
    recordId: groupId,
    details: { members: body.members.length },
  });
  const group = (await listGroups(ctx)).find((g) => g.id === groupId);
  if (!group) throw new Problem('not_found');
  return group;
}
