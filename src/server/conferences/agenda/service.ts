import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { EventView } from '../events/schemas.js';
import { getEvent, managedEvent } from '../events/service.js';
import { zonedInstant } from '../present.js';
import { replacePeople } from './people/queries.js';
import { checkPeople } from './people/service.js';
import * as q from './queries.js';
import type { SessionBody } from './schemas.js';

/** A session's times as instants of the event's zone, within the event, or a problem on the field. */
function timesOf(event: { time_zone: string; starts_at: Date | string; ends_at: Date | string }, input: SessionBody) {
  const starts = zonedInstant(input.startsAt, event.time_zone);
  const ends = zonedInstant(input.endsAt, event.time_zone);
  if (ends <= starts) {
    throw new Problem('validation', 'A session must end after it starts.', {
      errors: [{ pointer: '/endsAt', message: 'The session must end after it starts.' }],
    });
  }
  if (starts < new Date(event.starts_at) || ends > new Date(event.ends_at)) {
    throw new Problem('validation', 'A session takes place during its event.', {
      errors: [{ pointer: '/startsAt', message: 'Choose times within the event.' }],
    });
  }
  if (!input.title.trim()) {
    throw new Problem('validation', 'Give the session a title.', {
      errors: [{ pointer: '/title', message: 'Give the session a title.' }],
    });
  }
  return { starts, ends };
}

/**
 * Adds a session to the agenda (no `sessionId`) or changes one, as the agenda editor sends it
 * whole: its title, wall-clock times of the event's zone within the event, room and people.
 */
async function saveSession(ctx: Context, eventId: string, sessionId: string | undefined, input: SessionBody): Promise<EventView> {
  const event = await managedEvent(ctx, eventId);
  const already = sessionId === undefined ? undefined : await q.selectSessionPeople(ctx.db, eventId, sessionId);
  if (sessionId !== undefined && !already) throw new Problem('not_found', 'There is no such session in this event.');
  const { starts, ends } = timesOf(event, input);
  const people = await checkPeople(ctx, input.people ?? [], already ?? undefined);
  const fields = { title: input.title.trim(), starts_at: starts, ends_at: ends, room: input.room?.trim() ?? '' };
  return inTransaction(ctx.db, async (trx) => {
    const id = sessionId ?? (await q.insertSession(trx, { event_id: eventId, ...fields })).id;
    if (sessionId !== undefined) await q.updateSession(trx, eventId, sessionId, fields);
    await replacePeople(trx, id, people);
    await audit(trx, ctx, {
      verb: sessionId === undefined ? 'conference.session.create' : 'conference.session.update',
      recordType: 'conference_event',
      recordId: eventId,
      details: { session: id, people: people.length },
    });
    return getEvent({ ...ctx, db: trx }, eventId);
  });
}

/** Adds a session to the agenda, with its people. */
export function addSession(ctx: Context, eventId: string, input: SessionBody): Promise<EventView> {
  return saveSession(ctx, eventId, undefined, input);
}

/** Changes a session: its title, times, room and people, as the agenda editor sends them all. */
export function updateSession(ctx: Context, eventId: string, sessionId: string, input: SessionBody): Promise<EventView> {
  return saveSession(ctx, eventId, sessionId, input);
}

/** Removes a session from the agenda, with its people and documents. */
export async function deleteSession(ctx: Context, eventId: string, sessionId: string): Promise<EventView> {
  await managedEvent(ctx, eventId);
  return inTransaction(ctx.db, async (trx) => {
    const deleted = await q.deleteSession(trx, eventId, sessionId);
    if (Number(deleted.numDeletedRows) === 0) throw new Problem('not_found', 'There is no such session in this event.');
    await audit(trx, ctx, {
      verb: 'conference.session.delete',
      recordType: 'conference_event',
      recordId: eventId,
      details: { session: sessionId },
    });
    return getEvent({ ...ctx, db: trx }, eventId);
  });
}
