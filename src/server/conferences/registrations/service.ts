import { randomBytes } from 'node:crypto';
import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { type Language, languageOf } from '../../notifications/catalogue.js';
import { sessionDocuments } from '../agenda/documents/present.js';
import type { SessionDocument } from '../agenda/documents/schemas.js';
import { type EventRow, selectEvent } from '../events/queries.js';
import { participantCalendar, visibleEvent } from '../events/service.js';
import { evaluateInvitation } from '../invitations/expression.js';
import { ownInvitations, selectCountryFacts } from '../invitations/queries.js';
import { localTime, manages, ownDelegations } from '../present.js';
import * as q from './queries.js';
import type { CheckInBody, CheckInView, ChosenSessionsBody, RegistrationBody, TicketView } from './schemas.js';

/** The address the ticket's QR code holds: the organiser's check-in page for this registration. */
export const checkInUrl = (ctx: Context, token: string) =>
  new URL(`/conferences/check-in/${token}`, ctx.config.publicUrl).toString();

async function ticket(ctx: Context, token: string): Promise<TicketView> {
  const row = await q.selectByToken(ctx.db, token);
  if (!row) throw new Problem('not_found', 'There is no such registration.');
  const url = checkInUrl(ctx, row.token);
  const [sessions, chosen, event] = await Promise.all([
    q.selectEventSessions(ctx.db, row.event_id),
    q.selectChosenSessions(ctx.db, row.id),
    selectEvent(ctx.db, row.event_id),
  ]);
  const documents = event
    ? await sessionDocuments(
        ctx,
        event,
        sessions.map((s) => s.id),
        row.token,
      )
    : new Map<string, SessionDocument[]>();
  return {
    id: row.id,
    token: row.token,
    name: row.name,
    status: row.status,
    position: row.status === 'waiting' ? await q.waitingPosition(ctx.db, row.event_id, row.id) : null,
    checkedInAt: row.checked_in_at ? new Date(row.checked_in_at).toISOString() : null,
    event: {
      id: row.event_id,
      title: row.event_title,
      startsLocal: localTime(new Date(row.starts_at), row.time_zone),
      timeZone: row.time_zone,
      venue: row.venue,
      onlineUrl: row.online_url,
    },
    qr:
      row.status === 'confirmed'
        ? await (await import('qrcode')).default.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
        : null,
    checkInUrl: url,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsLocal: localTime(new Date(s.starts_at), row.time_zone),
      endsLocal: localTime(new Date(s.ends_at), row.time_zone),
      room: s.room,
      chosen: chosen.has(s.id),
      documents: documents.get(s.id) ?? [],
    })),
  };
}

/** Whether one more registration fits: places overall, and for its delegation (its State, or else its organisation). */
function fits(event: { capacity: number; delegation_capacity: number | null }, taken: { all: number; delegation: number }) {
  if (taken.all >= event.capacity) return false;
  return event.delegation_capacity === null || taken.delegation < event.delegation_capacity;
}

/** A registration that holds or awaits a place: a person invited by name has one at most. */
const LIVE = ['confirmed', 'waiting'] as const;

const alreadyRegistered = () => new Problem('conflict', 'You are invited by name and already registered for this event.');

/**
 * A restricted event takes registrations only from its invitees, signed in: a delegate of a State
 * its invitation list selects, for their own State, a member of an organisation it names, for
 * that organisation, or a person it invites by name. The State or organisation on the form must be the registrant's own, as their
 * account says. Its organiser registers anyone.
 */
async function assertInvited(
  ctx: Context,
  event: EventRow,
  country: string | null,
  organisationId: string | null,
): Promise<'by_name' | undefined> {
  if (event.public || manages(ctx.actor, event.organiser_id)) return;
  const own = ownDelegations(ctx.actor);
  // A person invited by name registers themself, once, whatever their delegation or organisation;
  // a delegate invited by name too still registers the delegation's colleagues as a delegate.
  if (ctx.actor && (await ownInvitations(ctx.db, event.id, ctx.actor.userId)).length > 0) {
    if (!(await q.holdsRegistration(ctx.db, event.id, { userId: ctx.actor.userId }, LIVE))) return 'by_name';
    if (own.countries.size === 0 && own.organisations.size === 0) throw alreadyRegistered();
  }
  if (country && !own.countries.has(country)) {
    throw new Problem('forbidden', 'You may register for a restricted event only for the State whose delegation you belong to.', {
      errors: [{ pointer: '/countryIso2', message: 'Choose the State of your own delegation.' }],
    });
  }
  if (organisationId && !country && !own.organisations.has(organisationId)) {
    throw new Problem('forbidden', 'Only an organisation’s own members register for it at a restricted event.', {
      errors: [{ pointer: '/organisationId', message: 'Choose your own organisation.' }],
    });
  }
  if (organisationId && own.organisations.has(organisationId) && event.invitation.organisations.includes(organisationId)) return;
  if (country && evaluateInvitation(event.invitation.terms, await selectCountryFacts(ctx.db)).has(country)) return;
  throw new Problem('forbidden', 'This event is by invitation, and this State or organisation is not invited.', {
    errors: [
      {
        pointer: country || !organisationId ? '/countryIso2' : '/organisationId',
        message: 'Register for a State or an organisation the event invites.',
      },
    ],
  });
}

/**
 * Registers someone for an event: anyone for a public event, an invitee signed in for a restricted
 * one. The place is confirmed while places remain, overall and for the delegation, else the
 * registration waits. The event's row is locked first, so that parallel registrations never
 * take more places than there are.
 */
export async function register(ctx: Context, eventId: string, input: RegistrationBody): Promise<TicketView> {
  const event = await visibleEvent(ctx, eventId);
  if (new Date(event.ends_at).getTime() < Date.now()) throw new Problem('conflict', 'This event is over.');
  const errors: Array<{ pointer: string; message: string }> = [];
  const country = input.countryIso2 ?? null;
  if (country && !(await q.countryExists(ctx.db, country))) errors.push({ pointer: '/countryIso2', message: 'Choose a State.' });
  const organisation = input.organisationId ? await q.selectOrganisation(ctx.db, input.organisationId) : null;
  if (input.organisationId && !organisation) {
    errors.push({ pointer: '/organisationId', message: 'Choose an organisation of the directory.' });
  }
  if (!organisation && !input.organisationName?.trim()) {
    errors.push({ pointer: '/organisationName', message: 'Say which organisation you represent.' });
  }
  if (!input.name.trim()) errors.push({ pointer: '/name', message: 'Give your name.' });
  if (!input.function.trim()) errors.push({ pointer: '/function', message: 'Give your function.' });
  if (errors.length) throw new Problem('validation', 'Some of the registration’s details are not valid.', { errors });
  const invited = await assertInvited(ctx, event, country, organisation?.id ?? null);
  const token = randomBytes(24).toString('base64url');
  await inTransaction(ctx.db, async (trx) => {
    const locked = await q.lockEvent(trx, eventId);
    if (!locked) throw new Problem('not_found', 'There is no such event.');
    // Again under the event's lock: two registrations sent at once by the same person take one place.
    if (invited === 'by_name' && ctx.actor && (await q.holdsRegistration(trx, eventId, { userId: ctx.actor.userId }, LIVE))) {
      throw alreadyRegistered();
    }
    const organisationName = organisation?.name_en ?? input.organisationName?.trim() ?? '';
    const taken = await q.countConfirmed(trx, eventId, { countryIso2: country, organisation: organisationName });
    const status = fits(locked, taken) ? 'confirmed' : 'waiting';
    const { id } = await q.insertRegistration(trx, {
      event_id: eventId,
      name: input.name.trim(),
      email: input.email,
      country_iso2: country,
      organisation_id: organisation?.id ?? null,
      organisation_name: organisationName,
      function: input.function.trim(),
      accessibility: input.accessibility?.trim() ?? '',
      dietary: input.dietary?.trim() ?? '',
      visa_letter: input.visaLetter,
      listed: input.listed,
      gender: input.gender ?? null,
      status,
      token,
      user_id: ctx.actor?.userId ?? null,
      checked_in_at: null,
    });
    await audit(trx, ctx, {
      verb: 'conference.register',
      recordType: 'conference_registration',
      recordId: id,
      details: { status },
    });
  });
  return ticket(ctx, token);
}

/** The registrant's own calendar, by the token only they were given; none for a cancelled registration. */
export async function ticketCalendar(ctx: Context, token: string, lang?: Language): Promise<string> {
  const row = await q.selectByToken(ctx.db, token);
  if (!row) throw new Problem('not_found', 'There is no such registration.');
  if (row.status === 'cancelled') throw new Problem('conflict', 'This registration is cancelled.');
  const chosen = await q.selectChosenSessions(ctx.db, row.id);
  return participantCalendar(ctx, {
    eventId: row.event_id,
    ticketUrl: new URL(`/conferences/tickets/${token}`, ctx.config.publicUrl).toString(),
    sessionIds: chosen.size > 0 ? chosen : undefined,
    // Asked for (the page's language), else the signed-in reader's, else English.
    language: lang ?? languageOf(ctx.actor?.language),
  });
}

/**
 * The sessions a participant chooses to attend, by their ticket's token: they replace the earlier
 * choice, and the participant's calendar then holds only these (all sessions while none is chosen).
 */
export async function chooseSessions(ctx: Context, token: string, input: ChosenSessionsBody): Promise<TicketView> {
  const row = await q.selectByToken(ctx.db, token);
  if (!row) throw new Problem('not_found', 'There is no such registration.');
  if (row.status === 'cancelled') throw new Problem('conflict', 'This registration is cancelled.');
  const agenda = new Set((await q.selectEventSessions(ctx.db, row.event_id)).map((s) => s.id));
  if (input.sessionIds.some((id) => !agenda.has(id))) {
    throw new Problem('validation', 'Choose sessions of this event’s agenda.', {
      errors: [{ pointer: '/sessionIds', message: 'Choose sessions of this event’s agenda.' }],
    });
  }
  await inTransaction(ctx.db, async (trx) => {
    await q.replaceChosenSessions(trx, row.id, input.sessionIds);
    await audit(trx, ctx, {
      verb: 'conference.sessions.choose',
      recordType: 'conference_registration',
      recordId: row.id,
      details: { sessions: input.sessionIds.length },
    });
  });
  return ticket(ctx, token);
}

/** The registrant's ticket, by the token only they were given. */
export function getTicket(ctx: Context, token: string): Promise<TicketView> {
  return ticket(ctx, token);
}

/**
 * Cancels a registration by its token. A confirmed place that is freed goes to the first waiting
 * registration that fits (the delegation's places too): exactly one is promoted.
 */
export async function cancel(ctx: Context, token: string): Promise<TicketView> {
  const row = await q.selectByToken(ctx.db, token);
  if (!row) throw new Problem('not_found', 'There is no such registration.');
  await inTransaction(ctx.db, async (trx) => {
    const event = await q.lockEvent(trx, row.event_id);
    const current = await q.selectByToken(trx, token);
    if (!event || !current || current.status === 'cancelled') return;
    await q.setStatus(trx, current.id, 'cancelled');
    await audit(trx, ctx, { verb: 'conference.cancel', recordType: 'conference_registration', recordId: current.id });
    if (current.status !== 'confirmed') return;
    for (const waiting of await q.selectWaiting(trx, row.event_id)) {
      const delegation = { countryIso2: waiting.country_iso2, organisation: waiting.organisation_name };
      if (!fits(event, await q.countConfirmed(trx, row.event_id, delegation))) continue;
      await q.setStatus(trx, waiting.id, 'confirmed');
      await audit(trx, ctx, {
        verb: 'conference.register',
        recordType: 'conference_registration',
        recordId: waiting.id,
        details: { status: 'confirmed', promoted: true },
      });
      break;
    }
  });
  return ticket(ctx, token);
}

/** Checks a participant in by their ticket's token (or the address its QR code holds): once only. */
export async function checkIn(ctx: Context, input: CheckInBody): Promise<CheckInView> {
  const token = input.token.trim().split('/').pop() ?? '';
  const row = await q.selectByToken(ctx.db, token);
  if (!row) throw new Problem('not_found', 'This ticket is not known.');
  assertAllowed(ctx.actor, 'conference.manage', { organisationId: row.organiser_id });
  if (row.status !== 'confirmed') throw new Problem('conflict', 'This registration is not confirmed.');
  return inTransaction(ctx.db, async (trx) => {
    const done = await q.markCheckedIn(trx, row.id);
    if (!done?.checked_in_at) {
      throw new Problem('conflict', `${row.name} is already checked in.`);
    }
    await audit(trx, ctx, { verb: 'conference.check_in', recordType: 'conference_registration', recordId: row.id });
    return {
      id: row.id,
      name: row.name,
      organisation: row.organisation_directory_name ?? row.organisation_name,
      countryIso2: row.country_iso2,
      eventTitle: row.event_title,
      checkedInAt: new Date(done.checked_in_at).toISOString(),
    };
  });
}
