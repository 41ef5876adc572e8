import { type Kysely, sql, type Updateable } from 'kysely';
import type { CountryTable, DB } from '../db/schema.js';
import type { CountryQuery, StructureQuery } from './schemas.js';
import { STRUCTURE_TYPES } from './values.js';

const NAME_COLUMNS = ['name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'] as const;

function likePattern(text: string) {
  return `%${text.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
}

export function selectCountries(db: Kysely<DB>, query: CountryQuery) {
  let select = db.selectFrom('country').selectAll();
  if (query.status) select = select.where('osce_status', '=', query.status);
  if (query.subregion) select = select.where('subregion', '=', query.subregion);
  if (query.fieldOperation !== undefined) select = select.where('field_operation', '=', query.fieldOperation);
  if (query.q) {
    const pattern = likePattern(query.q);
    select = select.where((eb) =>
      eb.or([
        eb(sql`lower(iso2)`, '=', query.q?.toLowerCase()),
        eb(sql`lower(iso3)`, '=', query.q?.toLowerCase()),
        ...NAME_COLUMNS.map((column) => eb(sql`lower(${sql.ref(column)})`, 'like', pattern)),
      ]),
    );
  }
  return select.orderBy('name_en').execute();
}

export function selectCountry(db: Kysely<DB>, iso2: string) {
  return db.selectFrom('country').selectAll().where('iso2', '=', iso2).executeTakeFirst();
}

export type CountryRow = NonNullable<Awaited<ReturnType<typeof selectCountry>>>;

export function updateCountry(db: Kysely<DB>, iso2: string, values: Updateable<CountryTable>) {
  return db.updateTable('country').set(values).where('iso2', '=', iso2).executeTakeFirst();
}

export function selectStructures(db: Kysely<DB>, query: StructureQuery) {
  let select = db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .leftJoin('country as c', 'c.iso2', 'o.country_iso2')
    .selectAll('o')
    .select([
      'p.code as parent_code',
      'c.name_en as country_name_en',
      'c.name_fr as country_name_fr',
      'c.name_de as country_name_de',
      'c.name_it as country_name_it',
      'c.name_ru as country_name_ru',
      'c.name_es as country_name_es',
    ])
    .where('o.type', 'in', STRUCTURE_TYPES)
    .where('o.code', 'is not', null);
  if (query.type) select = select.where('o.type', '=', query.type);
  if (query.country) select = select.where('o.country_iso2', '=', query.country);
  if (query.q) {
    const pattern = likePattern(query.q);
    select = select.where((eb) =>
      eb.or([
        eb(sql`lower(o.acronym)`, 'like', pattern),
        eb(sql`lower(o.city)`, 'like', pattern),
        ...NAME_COLUMNS.map((column) => eb(sql`lower(${sql.ref(`o.${column}`)})`, 'like', pattern)),
      ]),
    );
  }
  return select.orderBy('o.type').orderBy('o.name_en').execute();
}

export function selectCodedList(db: Kysely<DB>, table: 'dimension' | 'key_area' | 'language') {
  return db.selectFrom(table).selectAll().orderBy('code').execute();
}

export function selectCompetences(db: Kysely<DB>) {
  return db.selectFrom('competence').selectAll().orderBy('dimension_code').orderBy('name_en').execute();
}
