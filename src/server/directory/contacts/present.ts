import { directoryConfig } from '../config.js';
import { type Lang, presentOrganisationRef } from '../present.js';
import { mayEdit, type Viewer } from '../visibility.js';
import type { ContactRow } from './queries.js';
import type { ContactView } from './schemas.js';

/** The moment before which a confirmation is stale. */
export function staleBefore(now = Date.now()): Date {
  return new Date(now - directoryConfig().staleAfterDays * 24 * 3600 * 1000);
}

export function organisationOf(row: ContactRow) {
  return {
    id: row.organisation_id,
    code: row.organisation_code,
    type: row.organisation_type,
    acronym: row.organisation_acronym,
    name_en: row.organisation_name_en,
    name_fr: row.organisation_name_fr,
    name_de: row.organisation_name_de,
    name_it: row.organisation_name_it,
    name_ru: row.organisation_name_ru,
    name_es: row.organisation_name_es,
  };
}

/** The fields of a contact that leave the server, for someone allowed to see it. */
export function presentContact(row: ContactRow, viewer: Viewer, lang: Lang, cutoff = staleBefore()): ContactView {
  const confirmedAt = new Date(row.confirmed_at);
  const editable = mayEdit(viewer, row.organisation_id);
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    organisation: presentOrganisationRef(organisationOf(row), lang),
    emails: row.emails,
    phones: row.phones,
    languages: row.languages,
    keyAreas: row.key_areas,
    competences: row.competences,
    topics: row.topics,
    countries: row.countries,
    visibility: row.visibility,
    fallback: row.fallback,
    lastConfirmedAt: confirmedAt.toISOString(),
    stale: confirmedAt < cutoff,
    actions: editable ? ['edit', 'delete', 'confirm'] : [],
  };
}
