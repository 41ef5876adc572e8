import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { EventView } from '../events/schemas.js';
import { getEvent, managedEvent } from '../events/service.js';
import { zonedInstant } from '../present.js';
import * as q from './queries.js';
import type { SessionBody } from './schemas.js';

/** Adds a session to the agenda, at wall-clock times of the event's zone and within the event. */
export async function addSession(ctx: Context, eventId: string, input: SessionBody): Promise<EventView> {
  const event = await managedEvent(ctx, eventId);
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
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertSession(trx, {
      event_id: eventId,
      title: input.title.trim(),
      starts_at: starts,
      ends_at: ends,
      room: input.room?.trim() ?? '',
      speakers: (input.speakers ?? []).map((s) => s.trim()),
    });
    await audit(trx, ctx, {
      verb: 'conference.session.create',
      recordType: 'conference_event',
      recordId: eventId,
      details: { session: id },
    });
    return getEvent({ ...ctx, db: trx }, eventId);
  });
}
