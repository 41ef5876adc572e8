import { createHash } from 'node:crypto';
import { audit } from '../../../audit/record.js';
import type { Context } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { Problem } from '../../../http/problems.js';
import { probeDocument } from '../../../network/documents/reader.js';
import type { EventView } from '../../events/schemas.js';
import { getEvent, managedEvent, visibleEvent } from '../../events/service.js';
import { readableVisibilities } from './present.js';
import * as q from './queries.js';
import type { DocumentUploadQuery } from './schemas.js';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const fileNameOf = (given: string | undefined, mediaType: string) =>
  (given ?? '').replace(/[\\/\p{Cc}]/gu, '_').trim() || `document.${EXTENSIONS[mediaType] ?? 'bin'}`;

/**
 * Attaches a document to a session. The file is checked by its content with the library's reader,
 * on a worker thread and within the library's limits, before anything is written: a hostile or
 * unreadable file is refused and nothing is stored. The writes then run in one transaction.
 */
export async function uploadDocument(
  ctx: Context,
  eventId: string,
  sessionId: string,
  bytes: Buffer,
  query: DocumentUploadQuery,
): Promise<EventView> {
  await managedEvent(ctx, eventId);
  if (!(await q.selectSessionOfEvent(ctx.db, eventId, sessionId))) {
    throw new Problem('not_found', 'There is no such session in this event.');
  }
  const title = query.title.trim();
  if (!title) {
    throw new Problem('validation', 'Give the document a title.', {
      errors: [{ pointer: '/title', message: 'Give the document a title.' }],
    });
  }
  if (bytes.length === 0) {
    throw new Problem('validation', 'The file is empty.', { errors: [{ pointer: '/file', message: 'The file is empty.' }] });
  }
  const probe = await probeDocument(bytes);
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertDocument(trx, {
      session_id: sessionId,
      title,
      visibility: query.visibility,
      file_name: fileNameOf(query.fileName, probe.mediaType),
      media_type: probe.mediaType,
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      content: bytes,
      uploaded_by: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'conference.document.upload',
      recordType: 'conference_event',
      recordId: eventId,
      details: {
        session: sessionId,
        document: id,
        mediaType: probe.mediaType,
        bytes: bytes.length,
        visibility: query.visibility,
      },
    });
    return getEvent({ ...ctx, db: trx }, eventId);
  });
}

/** A session's document, for whoever may open it; every download is audited. */
export async function documentFile(ctx: Context, eventId: string, documentId: string, ticket?: string) {
  const event = await visibleEvent(ctx, eventId);
  const file = await q.selectDocumentFile(ctx.db, eventId, documentId);
  if (!file) throw new Problem('not_found', 'There is no such document.');
  if (!(await readableVisibilities(ctx, event, ticket)).includes(file.visibility)) {
    if (!ctx.actor) throw new Problem('unauthenticated');
    throw new Problem('not_found', 'There is no such document.');
  }
  await audit(ctx.db, ctx, {
    verb: 'conference.document.download',
    recordType: 'conference_event',
    recordId: eventId,
    details: { document: documentId, visibility: file.visibility },
  });
  return file;
}

/** Removes a document from its session. */
export async function deleteDocument(ctx: Context, eventId: string, documentId: string): Promise<EventView> {
  await managedEvent(ctx, eventId);
  return inTransaction(ctx.db, async (trx) => {
    const deleted = await q.deleteDocument(trx, eventId, documentId);
    if (Number(deleted.numDeletedRows) === 0) throw new Problem('not_found', 'There is no such document.');
    await audit(trx, ctx, {
      verb: 'conference.document.delete',
      recordType: 'conference_event',
      recordId: eventId,
      details: { document: documentId },
    });
    return getEvent({ ...ctx, db: trx }, eventId);
  });
}
