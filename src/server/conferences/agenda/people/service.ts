import { holds } from '../../../access/check.js';
import type { Context } from '../../../context.js';
import { sees, viewerOf } from '../../../directory/visibility.js';
import type { FieldError } from '../../../http/problems.js';
import { Problem } from '../../../http/problems.js';
import { managedEvent } from '../../events/service.js';
import type { ConferenceSessionPersonTable } from '../../tables.js';
import * as q from './queries.js';
import type { PersonChoice, SessionPersonInput } from './schemas.js';

const organisationOf = (r: { organisation: string; acronym: string | null }) =>
  r.acronym ? `${r.acronym} – ${r.organisation}` : r.organisation;

/**
 * The contacts and experts an organiser may name in the agenda, by words of their name: the
 * contacts the directory shows them, and the roster's experts when they may search the roster.
 */
export async function searchPeople(ctx: Context, eventId: string, words: string): Promise<PersonChoice[]> {
  await managedEvent(ctx, eventId);
  const typed = words.trim();
  if (typed.length === 0) return [];
  const viewer = await viewerOf(ctx);
  const [contacts, experts] = await Promise.all([
    q.searchContacts(ctx.db, viewer, typed, 10),
    holds(ctx.actor, 'expert.search') ? q.searchExperts(ctx.db, typed, 10) : Promise.resolve([]),
  ]);
  return [
    ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id, name: c.name, organisation: organisationOf(c) })),
    ...experts.map((x) => ({ kind: 'expert' as const, id: x.id, name: x.name, organisation: organisationOf(x) })),
  ];
}

type PersonValues = Omit<ConferenceSessionPersonTable, 'id' | 'session_id' | 'guest_affiliation' | 'announced'> & {
  guest_affiliation: string;
  announced: boolean;
};

/**
 * The people of a session as they will be stored, each checked: one of a contact, an expert or a
 * guest's name; a contact the organiser may see in the directory and an expert only for who may
 * search the roster, unless that person is already on the session (kept as the organiser found it).
 */
export async function checkPeople(
  ctx: Context,
  input: readonly SessionPersonInput[],
  already: { contacts: ReadonlySet<string>; experts: ReadonlySet<string> } = { contacts: new Set(), experts: new Set() },
): Promise<PersonValues[]> {
  const errors: FieldError[] = [];
  const contactIds = input.flatMap((p) => (p.contactId ? [p.contactId] : []));
  const expertIds = input.flatMap((p) => (p.expertId ? [p.expertId] : []));
  const [contacts, experts] = await Promise.all([q.selectContacts(ctx.db, contactIds), q.selectExperts(ctx.db, expertIds)]);
  const viewer = contactIds.length ? await viewerOf(ctx) : null;
  const visibleContacts = new Set(
    contacts
      .filter(
        (c) =>
          already.contacts.has(c.id) || (viewer && sees(viewer, { visibility: c.visibility, organisationId: c.organisation_id })),
      )
      .map((c) => c.id),
  );
  const searchesRoster = holds(ctx.actor, 'expert.search');
  const knownExperts = new Set(experts.filter((x) => already.experts.has(x.id) || searchesRoster).map((x) => x.id));
  const positions = { moderator: 0, speaker: 0 };
  const values: PersonValues[] = [];
  input.forEach((p, i) => {
    const name = p.name?.trim() ?? '';
    const chosen = [p.contactId, p.expertId, name || undefined].filter((v) => v !== undefined).length;
    if (chosen !== 1) {
      errors.push({
        pointer: `/people/${i}/name`,
        message: 'Choose a person from the directory or the roster, or type a guest’s name.',
      });
      return;
    }
    if (p.contactId && !visibleContacts.has(p.contactId)) {
      errors.push({ pointer: `/people/${i}/contactId`, message: 'Choose a contact of the directory.' });
      return;
    }
    if (p.expertId && !knownExperts.has(p.expertId)) {
      errors.push({ pointer: `/people/${i}/expertId`, message: 'Choose an expert of the roster.' });
      return;
    }
    positions[p.role] += 1;
    values.push({
      role: p.role,
      position: positions[p.role],
      contact_id: p.contactId ?? null,
      expert_id: p.expertId ?? null,
      guest_name: name || null,
      guest_affiliation: name ? (p.affiliation?.trim() ?? '') : '',
      // A guest is named to everyone: announcing them says nothing more.
      announced: name ? false : (p.announced ?? false),
    });
  });
  if (errors.length) throw new Problem('validation', 'Some of the session’s people are not valid.', { errors });
  return values;
}
