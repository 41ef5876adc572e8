import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { type Language, languageOf } from '../../notifications/catalogue.js';
import { sessionDocuments } from '../agenda/documents/present.js';
import { peopleLines, sessionPeople } from '../agenda/people/present.js';
import { ownLetters } from '../invitations/letter.js';
import { isTimeZone, localTime, manages, zonedInstant } from '../present.js';
import * as q from './queries.js';
import type { EventBody, EventPage, EventPatch, EventQuery, EventSummary, EventView, OutcomeBody } from './schemas.js';

export function summaryOf(row: q.EventRow): EventSummary {
  const starts = new Date(row.starts_at);
  const ends = new Date(row.ends_at);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    organiser: { id: row.organiser_id, name: row.organiser_name },
    startsAt: starts.toISOString(),
    endsAt: ends.toISOString(),
    startsLocal: localTime(starts, row.time_zone),
    endsLocal: localTime(ends, row.time_zone),
    timeZone: row.time_zone,
    venue: row.venue,
    onlineUrl: row.online_url,
    languages: row.languages,
    public: row.public,
    capacity: row.capacity,
    delegationCapacity: row.delegation_capacity,
    confirmed: Number(row.confirmed ?? 0),
    waiting: Number(row.waiting ?? 0),
  };
}

/**
 * An event the caller may see: a public one for anyone, a restricted one for anyone signed in.
 * A stranger is asked to sign in rather than told whether a restricted event exists.
 */
export async function visibleEvent(ctx: Context, id: string): Promise<q.EventRow> {
  const row = await q.selectEvent(ctx.db, id);
  if (row && !row.public && !ctx.actor) throw new Problem('unauthenticated');
  if (!row) throw new Problem('not_found', 'There is no such event.');
  return row;
}

/** An event the caller organises, or a refusal. */
export async function managedEvent(ctx: Context, id: string): Promise<q.EventRow> {
  const row = await q.selectEvent(ctx.db, id);
  if (!row) throw new Problem('not_found', 'There is no such event.');
  assertAllowed(ctx.actor, 'conference.manage', { organisationId: row.organiser_id });
  return row;
}

/** Events, soonest first (latest first for past ones), by kind, period and words; strangers see the public ones. */
export async function listEvents(ctx: Context, query: EventQuery): Promise<EventPage> {
  const { rows, total } = await q.searchEvents(ctx.db, query, ctx.actor === null);
  return {
    items: rows.map(summaryOf),
    total,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
    canCreate: holds(ctx.actor, 'conference.manage'),
  };
}

export async function getEvent(ctx: Context, id: string): Promise<EventView> {
  const row = await visibleEvent(ctx, id);
  const [sessions, recommendations] = await Promise.all([q.selectSessions(ctx.db, id), q.selectRecommendations(ctx.db, id)]);
  const open = new Date(row.ends_at).getTime() > Date.now();
  const organiser = manages(ctx.actor, row.organiser_id);
  const ids = sessions.map((s) => s.id);
  const [people, documents] = await Promise.all([sessionPeople(ctx, ids, { organiser }), sessionDocuments(ctx, row, ids)]);
  return {
    ...summaryOf(row),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      startsLocal: localTime(new Date(s.starts_at), row.time_zone),
      endsLocal: localTime(new Date(s.ends_at), row.time_zone),
      room: s.room,
      people: people.get(s.id) ?? [],
      documents: documents.get(s.id) ?? [],
    })),
    summary: row.summary,
    recommendations: recommendations.map((r) => r.text),
    outcomePublishedAt: row.outcome_published_at ? new Date(row.outcome_published_at).toISOString() : null,
    invitedAt: row.invited_at ? new Date(row.invited_at).toISOString() : null,
    actions: [...(organiser ? (['manage'] as const) : []), ...(open ? (['register'] as const) : [])],
    letters: await ownLetters(ctx, row),
  };
}

type Fields = Omit<EventBody, 'organiserId'> & { organiserId: string };

/** The rules of an event's fields, each broken one answered with its field. */
function check(input: Fields) {
  const errors: Array<{ pointer: string; message: string }> = [];
  if (!isTimeZone(input.timeZone)) errors.push({ pointer: '/timeZone', message: 'Choose a time zone such as Europe/Vienna.' });
  if (errors.length === 0 && input.endsAt <= input.startsAt) {
    errors.push({ pointer: '/endsAt', message: 'The event must end after it starts.' });
  }
  if (!input.venue?.trim() && !input.onlineUrl) {
    errors.push({ pointer: '/venue', message: 'Say where the event takes place, or give its online link.' });
  }
  if (input.delegationCapacity != null && input.delegationCapacity > input.capacity) {
    errors.push({ pointer: '/delegationCapacity', message: 'A delegation cannot have more places than the event.' });
  }
  if (!input.title.trim()) errors.push({ pointer: '/title', message: 'Give the event a title.' });
  if (errors.length) throw new Problem('validation', 'Some of the event’s details are not valid.', { errors });
}

function columns(input: Fields) {
  return {
    kind: input.kind,
    title: input.title.trim(),
    organiser_id: input.organiserId,
    starts_at: zonedInstant(input.startsAt, input.timeZone),
    ends_at: zonedInstant(input.endsAt, input.timeZone),
    time_zone: input.timeZone,
    venue: input.venue?.trim() ?? '',
    online_url: input.onlineUrl ?? null,
    languages: input.languages,
    public: input.public,
    capacity: input.capacity,
    delegation_capacity: input.delegationCapacity ?? null,
  };
}

async function assertOrganiser(ctx: Context, organiserId: string) {
  if (!(await q.selectOrganisation(ctx.db, organiserId))) {
    throw new Problem('unknown_reference', 'There is no such organisation.', {
      errors: [{ pointer: '/organiserId', message: 'Choose an organisation of the directory.' }],
    });
  }
  assertAllowed(ctx.actor, 'conference.manage', { organisationId: organiserId });
}

/** Creates an event for an organiser the caller acts for. */
export async function createEvent(ctx: Context, input: EventBody): Promise<EventView> {
  await assertOrganiser(ctx, input.organiserId);
  check(input);
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertEvent(trx, { ...columns(input), created_by: ctx.actor?.userId ?? null });
    await audit(trx, ctx, { verb: 'conference.event.create', recordType: 'conference_event', recordId: id });
    return getEvent({ ...ctx, db: trx }, id);
  });
}

/** Changes an event's details; places cannot fall below the registrations already confirmed. */
export async function updateEvent(ctx: Context, id: string, patch: EventPatch): Promise<EventView> {
  const row = await managedEvent(ctx, id);
  const current = summaryOf(row);
  const merged: Fields = {
    kind: patch.kind ?? current.kind,
    title: patch.title ?? current.title,
    organiserId: patch.organiserId ?? current.organiser.id,
    startsAt: patch.startsAt ?? current.startsLocal,
    endsAt: patch.endsAt ?? current.endsLocal,
    timeZone: patch.timeZone ?? current.timeZone,
    venue: patch.venue ?? current.venue,
    onlineUrl: patch.onlineUrl !== undefined ? patch.onlineUrl : current.onlineUrl,
    languages: patch.languages ?? current.languages,
    public: patch.public ?? current.public,
    capacity: patch.capacity ?? current.capacity,
    delegationCapacity: patch.delegationCapacity !== undefined ? patch.delegationCapacity : current.delegationCapacity,
  };
  if (patch.organiserId) await assertOrganiser(ctx, patch.organiserId);
  check(merged);
  if (merged.capacity < current.confirmed) {
    throw new Problem('conflict', `${current.confirmed} registrations are already confirmed.`, {
      errors: [{ pointer: '/capacity', message: `Keep at least ${current.confirmed} places.` }],
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    await q.updateEvent(trx, id, columns(merged));
    await audit(trx, ctx, { verb: 'conference.event.update', recordType: 'conference_event', recordId: id });
    return getEvent({ ...ctx, db: trx }, id);
  });
}

/** Records the chair's summary and its recommendations, in the chair's order. */
export async function recordOutcome(ctx: Context, id: string, input: OutcomeBody): Promise<EventView> {
  const row = await managedEvent(ctx, id);
  if (row.outcome_published_at) {
    throw new Problem('conflict', 'The chair’s summary is published; its recommendations are followed in the tracker.');
  }
  return inTransaction(ctx.db, async (trx) => {
    await q.updateEvent(trx, id, { summary: input.summary });
    await q.replaceRecommendations(
      trx,
      id,
      input.recommendations.map((r) => r.trim()),
    );
    await audit(trx, ctx, {
      verb: 'conference.outcome.record',
      recordType: 'conference_event',
      recordId: id,
      details: { recommendations: input.recommendations.length },
    });
    return getEvent({ ...ctx, db: trx }, id);
  });
}

/** The event and its agenda's sessions as an iCalendar file, in the event's time zone. */
export async function eventCalendar(ctx: Context, id: string, lang?: Language): Promise<string> {
  return calendarOf(await getEvent(ctx, id), lang ?? languageOf(ctx.actor?.language));
}

/**
 * A participant's own calendar, by their ticket's token: the event, with the address of their
 * ticket, and the sessions they chose to attend, or every session of the agenda while they chose
 * none (sessions take no sign-up of their own: a participant may attend each). The token is what
 * opens it, as it opens the ticket.
 */
export async function participantCalendar(
  ctx: Context,
  registration: { eventId: string; ticketUrl: string; sessionIds?: ReadonlySet<string> | undefined; language: Language },
): Promise<string> {
  const row = await q.selectEvent(ctx.db, registration.eventId);
  if (!row) throw new Problem('not_found', 'There is no such event.');
  const chosen = registration.sessionIds;
  const sessions = (await q.selectSessions(ctx.db, registration.eventId)).filter((s) => !chosen || chosen.has(s.id));
  // The address of a ticket may be passed on: its calendar names people as the public page does.
  const people = await sessionPeople(
    ctx,
    sessions.map((s) => s.id),
    { organiser: false, publicOnly: true },
  );
  return calendarOf(
    {
      ...summaryOf(row),
      sessions: sessions.map((s) => ({
        id: s.id,
        startsAt: new Date(s.starts_at).toISOString(),
        endsAt: new Date(s.ends_at).toISOString(),
        title: s.title,
        room: s.room,
        people: people.get(s.id) ?? [],
      })),
    },
    registration.language,
    registration.ticketUrl,
  );
}

type CalendarEvent = Pick<EventView, 'id' | 'title' | 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl' | 'organiser'> & {
  sessions: ReadonlyArray<Pick<EventView['sessions'][number], 'id' | 'startsAt' | 'endsAt' | 'title' | 'room' | 'people'>>;
};

async function calendarOf(event: CalendarEvent, language: Language, ticketUrl?: string): Promise<string> {
  const { default: ical } = await import('ical-generator');
  const cal = ical({
    name: event.title,
    prodId: { company: 'OSCE', product: 'Crossroads', language: language.toUpperCase() },
  });
  const location = event.venue || event.onlineUrl || '';
  cal.createEvent({
    id: event.id,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    summary: event.title,
    location,
    url: event.onlineUrl ?? ticketUrl,
    description: [event.organiser.name, ticketUrl].filter(Boolean).join('\n'),
  });
  for (const s of event.sessions) {
    cal.createEvent({
      id: s.id,
      start: new Date(s.startsAt),
      end: new Date(s.endsAt),
      summary: `${event.title}: ${s.title}`,
      location: [s.room, event.venue].filter(Boolean).join(', '),
      description: peopleLines(s.people, language).join('\n'),
    });
  }
  return cal.toString();
}
