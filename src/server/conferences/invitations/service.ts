import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import type { Attachment } from '../../files/attachment.js';
import { Problem } from '../../http/problems.js';
import { SUBREGIONS } from '../../reference/values.js';
import { managedEvent, summaryOf, visibleEvent } from '../events/service.js';
import { tellInvited } from '../notices.js';
import { manages, ownDelegations } from '../present.js';
import type { Invitation } from '../tables.js';
import { countByGroup, evaluateInvitation, FLOW_GROUPS, type InvitationTerm } from './expression.js';
import { invitees, letterLanguage, letterPdf } from './letter.js';
import * as q from './queries.js';
import type { InvitationBody, InvitationView, LetterQuery } from './schemas.js';

async function present(ctx: Context, invitation: Invitation, invitedAt: Date | null, told: number): Promise<InvitationView> {
  const countries = await q.selectCountryFacts(ctx.db);
  const selected = evaluateInvitation(invitation.terms, countries);
  const organisations = await q.selectOrganisations(ctx.db, invitation.organisations);
  return {
    terms: invitation.terms,
    states: countries.filter((c) => selected.has(c.iso2)).map((c) => ({ iso2: c.iso2, name: c.name })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name_en })),
    counts: countByGroup(selected, countries),
    invitedAt: invitedAt ? new Date(invitedAt).toISOString() : null,
    told,
  };
}

/** The invitation list of an event as its organiser built it, with the States it selects. */
export async function getInvitation(ctx: Context, eventId: string): Promise<InvitationView> {
  const event = await managedEvent(ctx, eventId);
  return present(ctx, event.invitation, event.invited_at, 0);
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
  const invitation: Invitation = { terms: input.terms, organisations: input.organisationIds };
  return inTransaction(ctx.db, async (trx) => {
    await q.saveInvitation(trx, eventId, invitation);
    const view = await present({ ...ctx, db: trx }, invitation, new Date(), 0);
    view.told = await tellInvited(
      trx,
      event,
      { states: view.states.map((s) => s.iso2), organisations: view.organisations.map((o) => o.id) },
      ctx.actor?.userId,
    );
    await audit(trx, ctx, {
      verb: 'conference.invite',
      recordType: 'conference_event',
      recordId: eventId,
      details: { states: view.counts.total, organisations: view.organisations.length },
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
  const body = await letterPdf({
    language,
    invitee: 'state' in invitee ? invitee : { organisation: await q.organisationName(ctx.db, invitee.organisationId, language) },
    organiser: await q.organisationName(ctx.db, event.organiser_id, language),
    event: {
      title: event.title,
      startsAt: new Date(event.starts_at),
      endsAt: new Date(event.ends_at),
      timeZone: event.time_zone,
      venue: event.venue,
      onlineUrl: event.online_url,
    },
    registrationUrl: new URL(`/conferences/events/${eventId}/register`, ctx.config.publicUrl).toString(),
  });
  const who = 'state' in invitee ? invitee.state : invitee.organisationId.slice(0, 8);
  return { kind: 'pdf', filename: `invitation-${eventId.slice(0, 8)}-${who}.pdf`, body };
}
