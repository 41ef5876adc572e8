import { holds } from '../../../access/check.js';
import type { Context } from '../../../context.js';
import { sees, type Viewer, viewerOf } from '../../../directory/visibility.js';
import type { Language } from '../../../notifications/catalogue.js';
import { AGENDA_WORDS } from '../words.js';
import * as q from './queries.js';
import type { SessionPerson } from './schemas.js';

/**
 * Whether the reader may know who this person is. The event's organisers know everyone they put
 * on its agenda; anyone knows a guest; a contact of the directory is named to whoever the
 * directory shows it to, and an expert of the roster to whoever may search the roster. Anyone
 * else learns the name only when the organiser announced that person publicly for that session,
 * and otherwise sees the role alone.
 */
export function named(row: q.PersonRow, reader: { organiser: boolean; viewer: Viewer | null; searchesRoster: boolean }): boolean {
  if (reader.organiser || row.announced || row.guest_name !== null) return true;
  if (row.contact_id && row.contact_visibility && row.contact_organisation_id && reader.viewer) {
    return sees(reader.viewer, { visibility: row.contact_visibility, organisationId: row.contact_organisation_id });
  }
  if (row.expert_id) return reader.searchesRoster;
  return false;
}

function present(row: q.PersonRow, shown: boolean, organiser: boolean): SessionPerson {
  const kind = row.contact_id ? 'contact' : row.expert_id ? 'expert' : 'guest';
  const name = row.guest_name ?? row.contact_name ?? row.expert_name ?? null;
  const affiliation =
    row.guest_name !== null ? row.guest_affiliation : (row.contact_organisation ?? row.expert_organisation ?? '');
  return {
    role: row.role,
    kind,
    name: shown ? name : null,
    affiliation: shown ? affiliation : '',
    announced: row.announced,
    ...(organiser && row.contact_id ? { contactId: row.contact_id } : {}),
    ...(organiser && row.expert_id ? { expertId: row.expert_id } : {}),
  };
}

/**
 * The moderators and speakers of these sessions as this reader may see them, by session.
 * `organiser` says whether the reader organises the event; `publicOnly` reads as a stranger would,
 * for what leaves by an address anyone may hold (a participant's calendar).
 */
export async function sessionPeople(
  ctx: Context,
  sessionIds: readonly string[],
  reader: { organiser: boolean; publicOnly?: boolean },
): Promise<Map<string, SessionPerson[]>> {
  const rows = await q.selectPeople(ctx.db, sessionIds);
  const actor = reader.publicOnly ? null : ctx.actor;
  const needsViewer = !reader.organiser && rows.some((r) => r.contact_id && !r.announced);
  const viewer = needsViewer ? await viewerOf({ db: ctx.db, actor }) : null;
  const context = { organiser: reader.organiser, viewer, searchesRoster: holds(actor, 'expert.search') };
  const bySession = new Map<string, SessionPerson[]>();
  for (const row of rows) {
    const list = bySession.get(row.session_id) ?? [];
    list.push(present(row, named(row, context), reader.organiser));
    bySession.set(row.session_id, list);
  }
  return bySession;
}

/** How a person reads in a line of text (the PDF, the calendars): the name and affiliation, or the role alone. */
export function personLine(p: SessionPerson, language: Language = 'en'): string {
  if (p.name === null) return AGENDA_WORDS[language].unnamed[p.role === 'moderator' ? 'moderator' : 'speaker'][p.kind];
  return p.affiliation ? `${p.name} (${p.affiliation})` : p.name;
}

/** The people of a session as lines of text, in the reader's language: the moderators, then the speakers. */
export function peopleLines(people: readonly SessionPerson[], language: Language = 'en'): string[] {
  const words = AGENDA_WORDS[language];
  const line = (p: SessionPerson) => personLine(p, language);
  const moderators = people.filter((p) => p.role === 'moderator').map(line);
  const speakers = people.filter((p) => p.role === 'speaker').map(line);
  return [
    ...(moderators.length ? [`${words.moderation}: ${moderators.join(', ')}`] : []),
    ...(speakers.length ? [`${words.speakers}: ${speakers.join(', ')}`] : []),
  ];
}
