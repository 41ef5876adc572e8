import type { Context } from '../context.js';
import type { LanguageCode } from '../reference/values.js';
import type { OrganisationRef, OrganisationType } from './schemas.js';

export type Lang = LanguageCode;

export function languageOf(ctx: Pick<Context, 'actor'>, requested?: Lang): Lang {
  return requested ?? (ctx.actor?.language as Lang | undefined) ?? 'en';
}

type NamedRow = {
  name_en: string;
  name_fr: string | null;
  name_de: string | null;
  name_it: string | null;
  name_ru: string | null;
  name_es: string | null;
};

export function organisationNames(row: NamedRow): Record<Lang, string> {
  return {
    en: row.name_en,
    fr: row.name_fr ?? row.name_en,
    de: row.name_de ?? row.name_en,
    it: row.name_it ?? row.name_en,
    ru: row.name_ru ?? row.name_en,
    es: row.name_es ?? row.name_en,
  };
}

export function presentOrganisationRef(
  row: NamedRow & { id: string; code: string | null; type: string; acronym: string | null },
  lang: Lang,
): OrganisationRef {
  return {
    id: row.id,
    code: row.code,
    type: row.type as OrganisationType,
    acronym: row.acronym,
    name: organisationNames(row)[lang],
  };
}

/** How an organisation is named in search documents and spreadsheets. */
export function organisationLabel(row: { acronym: string | null; name_en: string; code: string | null }): string {
  return [row.acronym, row.name_en, row.code].filter(Boolean).join(' ');
}

export const isoDate = (value: string | Date | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
