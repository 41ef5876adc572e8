import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The registrations of an event with the facts of their State and organisation, first come first. */
export function selectRegistrations(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_registration as r')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('country as c', 'c.iso2', 'r.country_iso2')
    .select([
      'r.id',
      'r.name',
      'r.email',
      'r.function',
      'r.organisation_name',
      'o.name_en as organisation_directory_name',
      'o.type as organisation_type',
      'r.country_iso2',
      'c.name_en as country_name',
      'c.subregion',
      'c.osce_status',
      'c.east_of_vienna',
      'r.accessibility',
      'r.dietary',
      'r.visa_letter',
      'r.listed',
      'r.gender',
      'r.status',
      'r.checked_in_at',
      'r.created_at',
    ])
    .where('r.event_id', '=', eventId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}
export type RegistrationRow = Awaited<ReturnType<typeof selectRegistrations>>[number];
