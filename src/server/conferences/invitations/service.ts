import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { viewerOf, visibleRecords } from '../../directory/visibility.js';
import type { Attachment } from '../../files/attachment.js';
import { Problem } from '../../http/problems.js';
import { type Language, languageOf } from '../../notifications/catalogue.js';
import { SUBREGIONS } from '../../reference/values.js';
import type { EventRow } from '../events/queries.js';
import { managedEvent, summaryOf, visibleEvent } from '../events/service.js';
import { tellInvited } from '../notices.js';
import { manages, ownDelegations } from '../present.js';
import type { Invitation } from '../tables.js';
import { countByGroup, evaluateInvitation, FLOW_GROUPS, type InvitationTerm } from './expression.js';
import { invitees, type Letter, letterLanguage, letterPdf } from './letter.js';
import * as q from './queries.js';
import type { InvitationBody, InvitationView, InvitedPerson, LetterQuery, PeopleQuery, PeopleView } from './schemas.js';

const presentPerson = (p: q.InvitedPersonRow): InvitedPerson => ({
  id: p.id,
  userId: p.userId,
  contactId: p.contactId,
  name: p.name,
  organisation: p.organisation,
  countryIso2: p.countryIso2,
});

async function present(
  ctx: Context,
  eventId: string,
  invitation: Invitation,
  invitedAt: Date | null,
  told: number,
): Promise<InvitationView> {
  const countries = await q.selectCountryFacts(ctx.db);
  const selected = evaluateInvitation(invitation.terms, countries);
  const organisations = await q.selectOrganisations(ctx.db, invitation.organisations);
  const people = await q.selectInvitedPeople(ctx.db, eventId, languageOf(ctx.actor?.language));
  return {
    terms: invitation.terms,
    states: countries.filter((c) => selected.has(c.iso2)).map((c) => ({ iso2: c.iso2, name: c.name })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name_en })),
    people: people.map(presentPerson),
    counts: countByGroup(selected, countries),
    invitedAt: invitedAt ? new Date(invitedAt).toISOString() : null,
    told,
  };
}

/** The invitation list of an event as its organiser built it, with the States it selects; reading the people on it is audited. */
export async function getInvitation(ctx: Context, eventId: string): Promise<InvitationView> {
  const event = await managedEvent(ctx, eventId);
  const view = await present(ctx, eventId, event.invitation, event.invited_at, 0);
  if (view.people.length > 0) {
    await audit(ctx.db, ctx, {
      verb: 'conference.invitation.read',
      recordType: 'conference_event',
      recordId: eventId,
      details: { people: view.people.length },
    });
  }
  return view;
}

/**
 * The people an organiser may invite by name, found by words of their name: accounts of the
 * platform, and the directory's contacts the organiser may see. Audited: it reads names.
 */
export async function findPeople(ctx: Context, eventId: string, query: PeopleQuery): Promise<PeopleView> {
  await managedEvent(ctx, eventId);
  const viewer = await viewerOf(ctx);
  const found = await q.searchPeople(ctx.db, query.q, visibleRecords(viewer, 'c'), languageOf(query.lang ?? ctx.actor?.language));
  await audit(ctx.db, ctx, {
    verb: 'conference.people.search',
    recordType: 'conference_event',
    recordId: eventId,
    details: { found: found.length },
  });
  return { items: found.map((p) => ({ id: null, ...p })) };
}

/** A term names a known sub-region or State when it needs one, and nothing when it does not. */
async function checkTerms(ctx: Context, terms: readonly InvitationTerm[]) {
  const countries = new Set((await q.selectCountryFacts(ctx.db)).map((c) => c.iso2));
  terms.forEach((term, i) => {
    const ok =
      term.group === 'subregion'
        ? (SUBREGIONS as readonly string[]).includes(term.value ?? '')
        : term.group === 'state'
          ? countries.has(term.value ?? '')
          : (FLOW_GROUPS as readonly string[]).includes(term.group)
            ? /^(19|20)\d\d$/.test(term.value ?? '')
            : term.value === undefined;
    if (!ok) {
      throw new Problem('validation', 'A term of the invitation list is not valid.', {
        errors: [
          {
            pointer: `/terms/${i}/value`,
            message: 'Choose a sub-region, a State or a year for this group, and nothing for the others.',
          },
        ],
      });
    }
  });
}

/** Saves and sends the invitation list: the delegations of the invited States are told, through the notifications. */
export async function sendInvitation(ctx: Context, eventId: string, input: InvitationBody): Promise<InvitationView> {
  const event = summaryOf(await managedEvent(ctx, eventId));
  await checkTerms(ctx, input.terms);
  const organisations = await q.selectOrganisations(ctx.db, input.organisationIds);
  if (organisations.length !== input.organisationIds.length) {
    throw new Problem('unknown_reference', 'An invited organisation is not in the directory.', {
      errors: [{ pointer: '/organisationIds', message: 'Choose organisations of the directory.' }],
    });
  }
  const userIds = input.userIds ?? [];
  const contactIds = input.contactIds ?? [];
  const found = await q.existingPeople(ctx.db, userIds, contactIds, visibleRecords(await viewerOf(ctx), 'c'));
  if (found.users.length !== userIds.length || found.contacts.length !== contactIds.length) {
    const pointer = found.users.length !== userIds.length ? '/userIds' : '/contactIds';
    throw new Problem('unknown_reference', 'An invited person is not known.', {
      errors: [{ pointer, message: 'Choose people with an account or contacts of the directory.' }],
    });
  }
  const invitation: Invitation = { terms: input.terms, organisations: input.organisationIds };
  return inTransaction(ctx.db, async (trx) => {
    await q.saveInvitation(trx, eventId, invitation);
    const added = await q.replaceInvitedPeople(trx, eventId, { userIds, contactIds }, ctx.actor?.userId ?? null);
    const view = await present({ ...ctx, db: trx }, eventId, invitation, new Date(), 0);
    // The people added by name are told once, when they are added; a contact through the account with its address.
    const contactAccounts = await Promise.all(added.contactIds.map((id) => q.contactAccounts(trx, id)));
    view.told = await tellInvited(
      trx,
      event,
      {
        states: view.states.map((s) => s.iso2),
        organisations: view.organisations.map((o) => o.id),
        users: [...added.userIds, ...contactAccounts.flatMap((accounts) => accounts.map((a) => a.id))],
      },
      ctx.actor?.userId,
    );
    await audit(trx, ctx, {
      verb: 'conference.invite',
      recordType: 'conference_event',
      recordId: eventId,
      details: { states: view.counts.total, organisations: view.organisations.length, people: view.people.length },
    });
    return view;
  });
}

/**
 * The invitation letter of one invitee as a PDF in its language (the one its accounts chose, else
 * English): for the organiser, or for the delegates of the invited State and the members of the
 * invited organisation themselves.
 */
export async function invitationLetter(ctx: Context, eventId: string, query: LetterQuery): Promise<Attachment> {
  const event = await visibleEvent(ctx, eventId);
  if (query.personId) {
    if (query.state || query.organisationId) {
      throw new Problem('validation', 'Say whose invitation letter you want.', {
        errors: [{ pointer: '/state', message: 'Name one invited State or one invited organisation.' }],
      });
    }
    return personalLetter(ctx, event, query.personId);
  }
  const invitee: { state: string } | { organisationId: string } | null = query.state
    ? { state: query.state }
    : query.organisationId
      ? { organisationId: query.organisationId }
      : null;
  if (!invitee || (query.state && query.organisationId)) {
    throw new Problem('validation', 'Say whose invitation letter you want.', {
      errors: [{ pointer: '/state', message: 'Name one invited State or one invited organisation.' }],
    });
  }
  const own = ownDelegations(ctx.actor);
  const theirs = 'state' in invitee ? own.countries.has(invitee.state) : own.organisations.has(invitee.organisationId);
  if (!manages(ctx.actor, event.organiser_id) && !theirs) throw new Problem('forbidden');
  const invited = await invitees(ctx, event);
  const isInvited = 'state' in invitee ? invited.states.has(invitee.state) : invited.organisations.has(invitee.organisationId);
  if (!isInvited) throw new Problem('not_found', 'This State or organisation is not invited to this event.');
  const language = letterLanguage(await q.selectInviteeLanguages(ctx.db, invitee));
  const body = await letterPdf(
    await letterOf(
      ctx,
      event,
      language,
      'state' in invitee ? invitee : { organisation: await q.organisationName(ctx.db, invitee.organisationId, language) },
    ),
  );
  const who = 'state' in invitee ? invitee.state : invitee.organisationId.slice(0, 8);
  return { kind: 'pdf', filename: `invitation-${eventId.slice(0, 8)}-${who}.pdf`, body };
}

async function letterOf(ctx: Context, event: EventRow, language: Language, invitee: Letter['invitee']): Promise<Letter> {
  return {
    language,
    invitee,
    organiser: await q.organisationName(ctx.db, event.organiser_id, language),
    event: {
      title: event.title,
      startsAt: new Date(event.starts_at),
      endsAt: new Date(event.ends_at),
      timeZone: event.time_zone,
      venue: event.venue,
      onlineUrl: event.online_url,
    },
    registrationUrl: new URL(`/conferences/events/${event.id}/register`, ctx.config.publicUrl).toString(),
  };
}

/**
 * The letter of a person invited by name, for the organiser or the person: in the language their
 * account chose; for a contact, the language of the account with the contact's address, else the
 * one most accounts of the contact's organisation chose, else English.
 */
async function personalLetter(ctx: Context, event: EventRow, personId: string): Promise<Attachment> {
  const person = (await q.selectInvitedPeople(ctx.db, event.id, 'en')).find((p) => p.id === personId);
  const own = ctx.actor ? await q.ownInvitations(ctx.db, event.id, ctx.actor.userId) : [];
  if (!manages(ctx.actor, event.organiser_id) && !own.includes(personId)) throw new Problem('forbidden');
  if (!person) throw new Problem('not_found', 'This person is not invited to this event.');
  const account = person.userId ?? (person.contactId ? (await q.contactAccounts(ctx.db, person.contactId))[0]?.id : undefined);
  const chosen = account
    ? [(await q.accountLanguage(ctx.db, account)) ?? '']
    : person.contactOrganisationId
      ? await q.selectInviteeLanguages(ctx.db, { organisationId: person.contactOrganisationId })
      : [];
  const language = letterLanguage(chosen);
  const named = (await q.selectInvitedPeople(ctx.db, event.id, language)).find((p) => p.id === personId) ?? person;
  const body = await letterPdf(await letterOf(ctx, event, language, { person: named.name, organisation: named.organisation }));
  return { kind: 'pdf', filename: `invitation-${event.id.slice(0, 8)}-${personId.slice(0, 8)}.pdf`, body };
}
