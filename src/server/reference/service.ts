import { assertAllowed, holds } from '../access/check.js';
import { audit } from '../audit/record.js';
import type { Context } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { Problem } from '../http/problems.js';
import * as q from './queries.js';
import type { CodedView, CountryQuery, CountryView, StructureQuery, StructureView, UpdateCountryBody } from './schemas.js';
import type { LanguageCode } from './values.js';

type Lang = LanguageCode;
type Named = {
  name_en: string;
  name_fr: string | null;
  name_de: string | null;
  name_it: string | null;
  name_ru: string | null;
  name_es: string | null;
};

function namesOf(row: Named) {
  return {
    en: row.name_en,
    fr: row.name_fr ?? row.name_en,
    de: row.name_de ?? row.name_en,
    it: row.name_it ?? row.name_en,
    ru: row.name_ru ?? row.name_en,
    es: row.name_es ?? row.name_en,
  };
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

function presentCountry(ctx: Context, row: q.CountryRow, lang: Lang): CountryView {
  const names = namesOf(row);
  return {
    iso2: row.iso2,
    iso3: row.iso3,
    name: names[lang],
    names,
    osceStatus: row.osce_status,
    partnerGroup: row.partner_group,
    subregion: row.subregion as CountryView['subregion'],
    fieldOperation: row.field_operation,
    capital: row.capital,
    capitalLatitude: numberOrNull(row.capital_latitude),
    capitalLongitude: numberOrNull(row.capital_longitude),
    eastOfVienna: row.east_of_vienna,
    actions: holds(ctx.actor, 'reference.edit') ? ['edit'] : [],
  };
}

function languageOf(ctx: Context, requested: Lang | undefined): Lang {
  return requested ?? (ctx.actor?.language as Lang | undefined) ?? 'en';
}

/** Countries with their OSCE status, sub-region and position relative to Vienna, named in one language. */
export async function listCountries(ctx: Context, query: CountryQuery): Promise<CountryView[]> {
  const lang = languageOf(ctx, query.lang);
  const rows = await q.selectCountries(ctx.db, query);
  return rows.map((row) => presentCountry(ctx, row, lang)).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** One country. */
export async function getCountry(ctx: Context, iso2: string, lang?: Lang): Promise<CountryView> {
  const row = await q.selectCountry(ctx.db, iso2);
  if (!row) throw new Problem('not_found', `There is no country with the code ${iso2}.`);
  return presentCountry(ctx, row, languageOf(ctx, lang));
}

/** Corrects a country's reference data; the database checks that status, group and sub-region agree. */
export async function updateCountry(ctx: Context, iso2: string, input: UpdateCountryBody): Promise<CountryView> {
  assertAllowed(ctx.actor, 'reference.edit');
  const values = {
    ...(input.names?.en ? { name_en: input.names.en } : {}),
    ...(input.names?.fr ? { name_fr: input.names.fr } : {}),
    ...(input.names?.de ? { name_de: input.names.de } : {}),
    ...(input.names?.it ? { name_it: input.names.it } : {}),
    ...(input.names?.ru ? { name_ru: input.names.ru } : {}),
    ...(input.names?.es ? { name_es: input.names.es } : {}),
    ...(input.osceStatus !== undefined ? { osce_status: input.osceStatus } : {}),
    ...(input.partnerGroup !== undefined ? { partner_group: input.partnerGroup } : {}),
    ...(input.subregion !== undefined ? { subregion: input.subregion } : {}),
    ...(input.fieldOperation !== undefined ? { field_operation: input.fieldOperation } : {}),
    ...(input.capital !== undefined ? { capital: input.capital } : {}),
    ...(input.capitalLatitude !== undefined ? { capital_latitude: input.capitalLatitude } : {}),
    ...(input.capitalLongitude !== undefined ? { capital_longitude: input.capitalLongitude } : {}),
  };
  return inTransaction(ctx.db, async (trx) => {
    const result = await q.updateCountry(trx, iso2, values);
    if (Number(result.numUpdatedRows) === 0) throw new Problem('not_found', `There is no country with the code ${iso2}.`);
    await audit(trx, ctx, {
      verb: 'reference.edit',
      recordType: 'country',
      recordId: iso2,
      details: { fields: Object.keys(values) },
    });
    const row = await q.selectCountry(trx, iso2);
    if (!row) throw new Problem('not_found');
    return presentCountry(ctx, row, languageOf(ctx, undefined));
  });
}

/** The OSCE executive structures and field operations, as organisations. */
export async function listStructures(ctx: Context, query: StructureQuery): Promise<StructureView[]> {
  const lang = languageOf(ctx, query.lang);
  const rows = await q.selectStructures(ctx.db, query);
  return rows.map((row) => {
    const names = namesOf(row);
    const countryNames = row.country_name_en
      ? namesOf({
          name_en: row.country_name_en,
          name_fr: row.country_name_fr,
          name_de: row.country_name_de,
          name_it: row.country_name_it,
          name_ru: row.country_name_ru,
          name_es: row.country_name_es,
        })
      : null;
    return {
      id: row.id,
      code: row.code as string,
      type: row.type as StructureView['type'],
      acronym: row.acronym,
      name: names[lang],
      names,
      parentId: row.parent_id,
      parentCode: row.parent_code,
      countryIso2: row.country_iso2,
      countryName: countryNames ? countryNames[lang] : null,
      city: row.city,
      website: row.website,
    };
  });
}

/** A small coded list (dimensions, key areas, competences, languages), named in one language. */
export async function listCoded(
  ctx: Context,
  kind: 'dimensions' | 'key-areas' | 'competences' | 'languages',
  requested?: Lang,
): Promise<CodedView[]> {
  const lang = languageOf(ctx, requested);
  if (kind === 'competences') {
    const rows = await q.selectCompetences(ctx.db);
    return rows.map((row) => ({ code: row.code, name: namesOf(row)[lang], names: namesOf(row), dimension: row.dimension_code }));
  }
  const table = kind === 'dimensions' ? 'dimension' : kind === 'key-areas' ? 'key_area' : 'language';
  const rows = await q.selectCodedList(ctx.db, table);
  return rows.map((row) => ({ code: row.code, name: namesOf(row)[lang], names: namesOf(row) }));
}
