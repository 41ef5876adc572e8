import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ConferenceEventTable } from '../tables.js';
import type { EventQuery } from './schemas.js';

function eventBase(db: Kysely<DB>) {
  return db
    .selectFrom('conference_event as e')
    .innerJoin('organisation as o', 'o.id', 'e.organiser_id')
    .select((eb) => [
      'e.id',
      'e.kind',
      'e.title',
      'e.organiser_id',
      'o.name_en as organiser_name',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.venue',
      'e.online_url',
      'e.languages',
      'e.public',
      'e.capacity',
      'e.delegation_capacity',
      'e.invitation',
      'e.invited_at',
      'e.summary',
      'e.outcome_published_at',
      eb
        .selectFrom('conference_registration as r')
        .whereRef('r.event_id', '=', 'e.id')
        .where('r.status', '=', 'confirmed')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('confirmed'),
      eb
        .selectFrom('conference_registration as r')
        .whereRef('r.event_id', '=', 'e.id')
        .where('r.status', '=', 'waiting')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('waiting'),
    ]);
}
export type EventRow = Awaited<ReturnType<ReturnType<typeof eventBase>['execute']>>[number];

/** Events by kind, period and words; only public ones for a stranger. */
export async function searchEvents(db: Kysely<DB>, query: EventQuery, publicOnly: boolean) {
  let where = eventBase(db);
  if (publicOnly) where = where.where('e.public', '=', true);
  if (query.kind) where = where.where('e.kind', '=', query.kind);
  if (query.when === 'upcoming') where = where.where('e.ends_at', '>=', sql<Date>`now()`);
  if (query.when === 'past') where = where.where('e.ends_at', '<', sql<Date>`now()`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where = where.where((eb) => eb.or([eb('e.title', 'ilike', like), eb('e.venue', 'ilike', like)]));
  }
  const [rows, total] = await Promise.all([
    where
      .orderBy('e.starts_at', query.when === 'past' ? 'desc' : 'asc')
      .orderBy('e.id')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    where
      .clearSelect()
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function selectEvent(db: Kysely<DB>, id: string) {
  return eventBase(db).where('e.id', '=', id).executeTakeFirst();
}

export function selectOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisation').select(['id', 'name_en']).where('id', '=', id).executeTakeFirst();
}

export function insertEvent(db: Kysely<DB>, values: Insertable<ConferenceEventTable>) {
  return db.insertInto('conference_event').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateEvent(db: Kysely<DB>, id: string, values: Updateable<ConferenceEventTable>) {
  return db.updateTable('conference_event').set(values).where('id', '=', id).execute();
}

export function selectSessions(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_session')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export function selectRecommendations(db: Kysely<DB>, eventId: string) {
  return db.selectFrom('conference_recommendation').select('text').where('event_id', '=', eventId).orderBy('position').execute();
}

export async function replaceRecommendations(db: Kysely<DB>, eventId: string, texts: readonly string[]) {
  await db.deleteFrom('conference_recommendation').where('event_id', '=', eventId).execute();
  if (texts.length === 0) return;
  await db
    .insertInto('conference_recommendation')
    .values(texts.map((text, i) => ({ event_id: eventId, position: i + 1, text })))
    .execute();
}
