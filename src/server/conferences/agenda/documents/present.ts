import type { Context } from '../../../context.js';
import type { EventRow } from '../../events/queries.js';
import { ownLetters } from '../../invitations/letter.js';
import { manages } from '../../present.js';
import { holdsRegistration } from '../../registrations/queries.js';
import type { SessionDocumentVisibility } from '../../tables.js';
import * as q from './queries.js';
import type { SessionDocument } from './schemas.js';

/**
 * Which documents of an event the reader may open: the public ones for anyone who may see the
 * event; the participants' for its confirmed registrants and its signed-in invitees (a delegation
 * or an organisation it invited), and for whoever holds the secret token of a confirmed ticket (a
 * participant registered without an account); all of them for its organisers.
 */
export async function readableVisibilities(
  ctx: Context,
  event: EventRow,
  ticket?: string | undefined,
): Promise<SessionDocumentVisibility[]> {
  if (manages(ctx.actor, event.organiser_id)) return ['public', 'participants', 'organisers'];
  if (ticket && (await holdsRegistration(ctx.db, event.id, { token: ticket }, ['confirmed']))) return ['public', 'participants'];
  if (!ctx.actor) return ['public'];
  const participant =
    (await holdsRegistration(ctx.db, event.id, { userId: ctx.actor.userId }, ['confirmed'])) ||
    (await ownLetters(ctx, event)).length > 0;
  return participant ? ['public', 'participants'] : ['public'];
}

export const documentUrl = (eventId: string, documentId: string) =>
  `/api/conferences/events/${eventId}/documents/${documentId}/file`;

/**
 * The documents of these sessions the reader may open, by session; read through a ticket, their
 * addresses carry its token, which opens the participants' documents to its holder.
 */
export async function sessionDocuments(
  ctx: Context,
  event: EventRow,
  sessionIds: readonly string[],
  ticket?: string | undefined,
): Promise<Map<string, SessionDocument[]>> {
  const rows = await q.selectDocuments(ctx.db, sessionIds, await readableVisibilities(ctx, event, ticket));
  const bySession = new Map<string, SessionDocument[]>();
  for (const r of rows) {
    const list = bySession.get(r.session_id) ?? [];
    list.push({
      id: r.id,
      title: r.title,
      visibility: r.visibility,
      fileName: r.file_name,
      mediaType: r.media_type,
      byteSize: r.byte_size,
      url: ticket ? `${documentUrl(event.id, r.id)}?ticket=${encodeURIComponent(ticket)}` : documentUrl(event.id, r.id),
    });
    bySession.set(r.session_id, list);
  }
  return bySession;
}
