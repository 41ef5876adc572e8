import { createHash } from 'node:crypto';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { probeDocument } from '../../network/documents/reader.js';
import { selectProviderId, selectSession } from '../catalogue/queries.js';
import { manages } from '../present.js';
import * as q from './queries.js';
import type { MaterialQuery, MaterialView } from './schemas.js';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const fileNameOf = (given: string | undefined, mediaType: string) =>
  (given ?? '').replace(/[\\/\p{Cc}]/gu, '_').trim() || `material.${EXTENSIONS[mediaType] ?? 'bin'}`;

const present = (row: Awaited<ReturnType<typeof q.selectMaterials>>[number]): MaterialView => ({
  id: row.id,
  title: row.title,
  fileName: row.file_name,
  mediaType: row.media_type,
  byteSize: row.byte_size,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
});

async function providerOf(ctx: Context, sessionId: string): Promise<string | null> {
  const session = await selectSession(ctx.db, sessionId);
  if (!session) throw new Problem('not_found', 'There is no such session.');
  return selectProviderId(ctx.db, session.provider_code);
}

/** Whether the actor may read a session's materials: its provider's staff, and those nominated or selected for it. */
export async function readsMaterials(ctx: Context, sessionId: string, providerId: string | null): Promise<boolean> {
  if (manages(ctx.actor, providerId)) return true;
  return ctx.actor !== null && (await q.isParticipant(ctx.db, sessionId, ctx.actor.userId));
}

/** A session's materials for those who may read them; an empty list for anyone else. */
export async function listMaterials(ctx: Context, sessionId: string, providerId: string | null): Promise<MaterialView[]> {
  if (!(await readsMaterials(ctx, sessionId, providerId))) return [];
  return (await q.selectMaterials(ctx.db, sessionId)).map(present);
}

/**
 * Attaches a file to a session (its provider). The file is checked by its content on a worker
 * thread first, as the library checks its documents: hostile and unreadable files are refused
 * and nothing is stored.
 */
export async function uploadMaterial(ctx: Context, sessionId: string, bytes: Buffer, query: MaterialQuery) {
  if (!manages(ctx.actor, await providerOf(ctx, sessionId))) throw new Problem('forbidden');
  if (!query.title.trim()) {
    throw new Problem('validation', undefined, {
      errors: [{ pointer: '/title', code: 'required', message: 'Give the material a title.' }],
    });
  }
  if (bytes.length === 0) throw new Problem('validation', 'The file is empty.');
  const probe = await probeDocument(bytes);
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertMaterial(trx, {
      session_id: sessionId,
      title: query.title.trim(),
      file_name: fileNameOf(query.fileName, probe.mediaType),
      media_type: probe.mediaType,
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest(),
      content: bytes,
      uploaded_by: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'training.material.upload',
      recordType: 'training_material',
      recordId: id,
      details: { sessionId, mediaType: probe.mediaType, bytes: bytes.length },
    });
    const rows = await q.selectMaterials(trx, sessionId);
    return present(rows.find((r) => r.id === id)!);
  });
}

/** A material's file, for its provider's staff and the session's participants; each download is audited. */
export async function materialFile(ctx: Context, id: string) {
  const file = await q.selectMaterialFile(ctx.db, id);
  if (!file) throw new Problem('not_found', 'There is no such material.');
  const providerId = await selectProviderId(ctx.db, file.provider_code);
  if (!(await readsMaterials(ctx, file.session_id, providerId))) {
    throw new Problem('forbidden', 'The materials of a session are for its participants and its provider.');
  }
  await audit(ctx.db, ctx, { verb: 'training.material.read', recordType: 'training_material', recordId: id });
  return file;
}

/** Removes a material from its session (the provider). */
export async function removeMaterial(ctx: Context, id: string): Promise<void> {
  const file = await q.selectMaterialFile(ctx.db, id);
  if (!file) throw new Problem('not_found', 'There is no such material.');
  if (!manages(ctx.actor, await selectProviderId(ctx.db, file.provider_code))) throw new Problem('forbidden');
  await inTransaction(ctx.db, async (trx) => {
    await q.deleteMaterial(trx, id);
    await audit(trx, ctx, { verb: 'training.material.delete', recordType: 'training_material', recordId: id });
  });
}
