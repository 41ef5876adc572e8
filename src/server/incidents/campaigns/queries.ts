import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { LanguageCode } from '../../reference/values.js';

export type Db = Kysely<DB>;

export interface CampaignFilter {
  ids?: string[];
  country?: string;
  audience?: string;
  organiserId?: string;
  year?: number;
}

function filtered(db: Db, filter: CampaignFilter) {
  let query = db.selectFrom('awareness_campaign as c').innerJoin('organisation as o', 'o.id', 'c.organiser_id');
  if (filter.ids) query = query.where('c.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.organiserId) query = query.where('c.organiser_id', '=', filter.organiserId);
  if (filter.audience) query = query.where(sql<boolean>`${filter.audience} = any(c.audiences)`);
  if (filter.country) {
    const iso2 = filter.country;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('awareness_campaign_country as cc')
          .select('cc.campaign_id')
          .whereRef('cc.campaign_id', '=', 'c.id')
          .where('cc.country_iso2', '=', iso2),
      ),
    );
  }
  if (filter.year) {
    query = query
      .where('c.starts_on', '<=', `${filter.year}-12-31`)
      .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', `${filter.year}-01-01`)]));
  }
  return query;
}

/** Campaigns matching the filter, the most recent first, with the organiser's name in the language asked. */
export async function selectCampaigns(
  db: Db,
  filter: CampaignFilter,
  lang: LanguageCode,
  page: { limit: number; offset: number },
) {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select([
        'c.id',
        'c.title',
        'c.description',
        'c.organiser_id',
        sql<string>`coalesce(${sql.ref(`o.name_${lang}`)}, o.name_en)`.as('organiser_name'),
        'c.audiences',
        sql<string>`to_char(c.starts_on, 'YYYY-MM-DD')`.as('starts_on'),
        sql<string | null>`to_char(c.ends_on, 'YYYY-MM-DD')`.as('ends_on'),
        'c.reach_count',
        'c.reach_description',
      ])
      .orderBy('c.starts_on', 'desc')
      .orderBy('c.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type CampaignRow = Awaited<ReturnType<typeof selectCampaigns>>['rows'][number];

/** The countries of each campaign, for a page of them at once. */
export function selectCountries(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('awareness_campaign_country')
    .select(['campaign_id', 'country_iso2'])
    .where('campaign_id', 'in', ids)
    .orderBy('country_iso2')
    .execute();
}

/** The materials of each campaign with their titles, for a page of them at once. */
export function selectMaterials(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('awareness_campaign_material as m')
    .innerJoin('library_document as d', 'd.id', 'm.document_id')
    .select(['m.campaign_id', 'd.id', 'd.title'])
    .where('m.campaign_id', 'in', ids)
    .where('d.access', '=', 'public')
    .orderBy('m.position')
    .execute();
}

/** Of these documents, the ones anyone may open: only those may be a campaign's material. */
export async function selectPublicDocuments(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('library_document')
    .select('id')
    .where('id', 'in', ids)
    .where('access', '=', 'public')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function selectKnownCountries(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('country').select('iso2').where('iso2', 'in', codes).execute();
  return new Set(rows.map((r) => r.iso2));
}

export function organiserExists(db: Db, id: string) {
  return db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst();
}

export function lockCampaign(db: Db, id: string) {
  return db.selectFrom('awareness_campaign').select(['id', 'organiser_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface CampaignValues {
  title: string;
  description: string;
  organiserId: string;
  audiences: string[];
  startsOn: string;
  endsOn: string | null;
  reachCount: number | null;
  reachDescription: string;
}

const columns = (v: CampaignValues) => ({
  title: v.title,
  description: v.description,
  organiser_id: v.organiserId,
  audiences: v.audiences,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  reach_count: v.reachCount,
  reach_description: v.reachDescription,
});

export async function insertCampaign(db: Db, values: CampaignValues, createdBy: string | null): Promise<string> {
  const row = await db
    .insertInto('awareness_campaign')
    .values({ ...columns(values), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCampaign(db: Db, id: string, values: CampaignValues): Promise<void> {
  await db
    .updateTable('awareness_campaign')
    .set({ ...columns(values), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the countries and materials of a campaign with these. */
export async function replaceLinks(db: Db, id: string, countries: string[], materialIds: string[]): Promise<void> {
  await db.deleteFrom('awareness_campaign_country').where('campaign_id', '=', id).execute();
  await db.deleteFrom('awareness_campaign_material').where('campaign_id', '=', id).execute();
  await db
    .insertInto('awareness_campaign_country')
    .values(countries.map((country_iso2) => ({ campaign_id: id, country_iso2 })))
    .execute();
  if (materialIds.length)
    await db
      .insertInto('awareness_campaign_material')
      .values(materialIds.map((document_id, position) => ({ campaign_id: id, document_id, position })))
      .execute();
}
