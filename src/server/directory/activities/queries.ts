import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Viewer, visibleRecords } from '../visibility.js';
import type { ActivityQuery } from './schemas.js';

export const ACTIVITY_COLUMNS = [
  'a.id',
  'a.code',
  'a.organisation_id',
  'a.title',
  'a.description',
  'a.key_areas',
  'a.dimension',
  'a.countries',
  'a.place',
  'a.start_date',
  'a.end_date',
  'a.status',
  'a.target_groups',
  'a.contact_id',
  'a.visibility',
  'a.updated_at',
  'o.code as organisation_code',
  'o.type as organisation_type',
  'o.acronym as organisation_acronym',
  'o.name_en as organisation_name_en',
  'o.name_fr as organisation_name_fr',
  'o.name_de as organisation_name_de',
  'o.name_it as organisation_name_it',
  'o.name_ru as organisation_name_ru',
  'o.name_es as organisation_name_es',
] as const;

function base(db: Kysely<DB>) {
  return db.selectFrom('directory_activity as a').innerJoin('organisation as o', 'o.id', 'a.organisation_id');
}

/** The activities the viewer may see, filtered; without a limit for exports. */
export function selectActivities(
  db: Kysely<DB>,
  viewer: Viewer,
  words: string[],
  query: ActivityQuery,
  options: { all?: boolean } = {},
) {
  let select = base(db)
    .select([...ACTIVITY_COLUMNS, sql<number>`count(*) over ()`.as('total')])
    .where(visibleRecords(viewer, 'a'));
  if (words.length > 0) select = select.where(sql<boolean>`a.search_doc @@ directory_query(${words}::text[])`);
  if (query.organisationId) select = select.where('a.organisation_id', '=', query.organisationId);
  // Filtering by a contact the viewer may not see finds nothing, as for one that does not exist.
  if (query.contactId)
    select = select
      .where('a.contact_id', '=', query.contactId)
      .where(
        sql<boolean>`exists (select 1 from directory_contact c where c.id = a.contact_id and ${visibleRecords(viewer, 'c')})`,
      );
  if (query.country) select = select.where(sql<boolean>`a.countries @> array[${query.country}]::text[]`);
  if (query.keyArea) select = select.where(sql<boolean>`a.key_areas @> array[${query.keyArea}]::text[]`);
  if (query.dimension) select = select.where('a.dimension', '=', query.dimension);
  if (query.status) select = select.where('a.status', '=', query.status);
  if (query.targetGroup) select = select.where(sql<boolean>`a.target_groups @> array[${query.targetGroup}]::text[]`);
  const ordered =
    words.length > 0 ? select.orderBy(sql`ts_rank(a.search_doc, directory_query(${words}::text[]))`, 'desc') : select;
  const sorted = ordered.orderBy(sql`a.start_date desc nulls last`).orderBy('a.title').orderBy('a.id');
  if (options.all) return sorted.execute();
  return sorted
    .limit(query.limit ?? 25)
    .offset(query.offset ?? 0)
    .execute();
}

export type ActivityRow = Omit<Awaited<ReturnType<typeof selectActivities>>[number], 'total'>;

export function selectActivitiesById(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return base(db)
    .select([...ACTIVITY_COLUMNS])
    .where('a.id', 'in', [...new Set(ids)])
    .execute();
}

/** Activity counts per country, of what the viewer may see (the public map). */
export function countActivitiesByCountry(db: Kysely<DB>, viewer: Viewer, query: Pick<ActivityQuery, 'keyArea' | 'status'>) {
  return sql<{ iso2: string; activities: number; organisations: number }>`
    select x.iso2, count(*)::int as activities, count(distinct a.organisation_id)::int as organisations
    from directory_activity a, unnest(a.countries) as x(iso2)
    where ${visibleRecords(viewer, 'a')}
      and (${query.keyArea ?? null}::text is null or a.key_areas @> array[${query.keyArea ?? null}]::text[])
      and (${query.status ?? null}::text is null or a.status = ${query.status ?? null})
    group by x.iso2
    order by x.iso2`
    .execute(db)
    .then((r) => r.rows);
}

export function insertActivity(db: Kysely<DB>, values: Insertable<DB['directory_activity']>) {
  return db.insertInto('directory_activity').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateActivity(db: Kysely<DB>, id: string, values: Updateable<DB['directory_activity']>) {
  return db
    .updateTable('directory_activity')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deleteActivity(db: Kysely<DB>, id: string) {
  return db.deleteFrom('directory_activity').where('id', '=', id).executeTakeFirst();
}
