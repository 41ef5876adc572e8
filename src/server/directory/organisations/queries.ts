import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { OSCE_STRUCTURE_TYPES } from '../schemas.js';
import { type Viewer, visibleRecords } from '../visibility.js';
import type { OrganisationQuery } from './schemas.js';

const ORGANISATION_COLUMNS = [
  'o.id',
  'o.code',
  'o.type',
  'o.acronym',
  'o.name_en',
  'o.name_fr',
  'o.name_de',
  'o.name_it',
  'o.name_ru',
  'o.name_es',
  'o.parent_id',
  'o.country_iso2',
  'o.city',
  'o.website',
  'o.mandate_summary',
  'o.dimensions',
] as const;

/** Visible contacts and activities of the organisation `o`, counted with the viewer's visibility. */
function counts(viewer: Viewer) {
  return [
    sql<number>`(select count(*)::int from directory_contact c where c.organisation_id = o.id and ${visibleRecords(viewer, 'c')})`.as(
      'contact_count',
    ),
    sql<number>`(select count(*)::int from directory_activity a where a.organisation_id = o.id and ${visibleRecords(viewer, 'a')})`.as(
      'activity_count',
    ),
  ];
}

/** A page of organisations, best match first when searching, with the total in the same query. */
export function selectOrganisations(db: Kysely<DB>, viewer: Viewer, words: string[], query: OrganisationQuery) {
  let select = db.selectFrom('organisation as o').select([...ORGANISATION_COLUMNS, ...counts(viewer)]);
  if (words.length > 0) select = select.where(sql<boolean>`o.search_doc @@ directory_query(${words}::text[])`);
  if (query.type) select = select.where('o.type', '=', query.type);
  if (query.country) select = select.where('o.country_iso2', '=', query.country);
  if (query.osceStructure !== undefined) {
    select = select.where('o.type', query.osceStructure ? 'in' : 'not in', [...OSCE_STRUCTURE_TYPES]);
  }
  const ranked =
    words.length > 0 ? select.orderBy(sql`ts_rank(o.search_doc, directory_query(${words}::text[]))`, 'desc') : select;
  return ranked
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('o.name_en')
    .orderBy('o.id')
    .limit(query.limit ?? 25)
    .offset(query.offset ?? 0)
    .execute();
}

export type OrganisationRow = Awaited<ReturnType<typeof selectOrganisations>>[number];

export function selectOrganisation(db: Kysely<DB>, viewer: Viewer, id: string) {
  return db
    .selectFrom('organisation as o')
    .select([...ORGANISATION_COLUMNS, ...counts(viewer)])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Organisations by id, for references beside other records. */
export function selectOrganisationRefs(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisation')
    .select([
      'id',
      'code',
      'type',
      'acronym',
      'name_en',
      'name_fr',
      'name_de',
      'name_it',
      'name_ru',
      'name_es',
      'country_iso2',
      'city',
      'mandate_summary',
    ])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** The countries where the organisation has activities the viewer may see, with how many. */
export function selectCountriesWorkedIn(db: Kysely<DB>, viewer: Viewer, organisationId: string) {
  return sql<{ iso2: string; activities: number }>`
    select x.iso2, count(*)::int as activities
    from directory_activity a, unnest(a.countries) as x(iso2)
    where a.organisation_id = ${organisationId} and ${visibleRecords(viewer, 'a')}
    group by x.iso2
    order by activities desc, x.iso2`
    .execute(db)
    .then((r) => r.rows);
}

export function insertOrganisation(db: Kysely<DB>, values: Insertable<DB['organisation']>) {
  return db.insertInto('organisation').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateOrganisation(db: Kysely<DB>, id: string, values: Updateable<DB['organisation']>) {
  return db
    .updateTable('organisation')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether making `parentId` the parent of `id` would close a loop. */
export async function wouldLoop(db: Kysely<DB>, id: string, parentId: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = ${parentId}
      union all
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    )
    select id from up where id = ${id} limit 1`.execute(db);
  return rows.length > 0;
}
