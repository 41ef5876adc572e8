import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { type Lang, languageOf, organisationNames, presentOrganisationRef } from '../present.js';
import { type OrganisationType, OSCE_STRUCTURE_TYPES } from '../schemas.js';
import { refreshOrganisationSearchText } from '../search-text.js';
import { searchWords } from '../text.js';
import { mayEdit, type Viewer, viewerOf } from '../visibility.js';
import * as q from './queries.js';
import {
  type CreateOrganisationBody,
  type OrganisationQuery,
  type OrganisationSummary,
  type OrganisationView,
  PROFILE_FIELDS,
  type UpdateOrganisationBody,
} from './schemas.js';

const isStructure = (type: string) => (OSCE_STRUCTURE_TYPES as readonly string[]).includes(type);

function presentSummary(row: Omit<q.OrganisationRow, 'total'>, lang: Lang): OrganisationSummary {
  return {
    ...presentOrganisationRef(row, lang),
    osceStructure: isStructure(row.type),
    parentId: row.parent_id,
    countryIso2: row.country_iso2,
    city: row.city,
    dimensions: row.dimensions as OrganisationSummary['dimensions'],
    contactCount: row.contact_count,
    activityCount: row.activity_count,
  };
}

/** Organisations matching the filters, a page at a time, with what the caller may see of each counted. */
export async function listOrganisations(ctx: Context, query: OrganisationQuery) {
  const viewer = await viewerOf(ctx);
  const lang = languageOf(ctx, query.lang);
  const rows = await q.selectOrganisations(ctx.db, viewer, searchWords(query.q), query);
  return {
    items: rows.map((row) => presentSummary(row, lang)),
    total: rows[0] ? Number(rows[0].total) : 0,
    limit: query.limit ?? 25,
    offset: query.offset ?? 0,
  };
}

async function load(ctx: Context, viewer: Viewer, id: string, lang: Lang): Promise<OrganisationView> {
  const row = await q.selectOrganisation(ctx.db, viewer, id);
  if (!row) throw new Problem('not_found', 'There is no organisation with this identifier.');
  const [parent] = row.parent_id ? await q.selectOrganisationRefs(ctx.db, [row.parent_id]) : [];
  const countries = await q.selectCountriesWorkedIn(ctx.db, viewer, id);
  const actions: OrganisationView['actions'] = [];
  if (mayEdit(viewer, id)) actions.push('edit');
  if (holds(ctx.actor, 'directory.manage')) actions.push('manage');
  return {
    ...presentSummary(row, lang),
    names: organisationNames(row),
    parent: parent ? presentOrganisationRef(parent, lang) : null,
    mandateSummary: row.mandate_summary,
    website: row.website,
    countriesWorkedIn: countries,
    actions,
  };
}

/** One organisation with the countries it works in. */
export async function getOrganisation(ctx: Context, id: string, lang?: Lang): Promise<OrganisationView> {
  return load(ctx, await viewerOf(ctx), id, languageOf(ctx, lang));
}

function columns(input: UpdateOrganisationBody) {
  return {
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.acronym !== undefined ? { acronym: input.acronym?.trim() ?? null } : {}),
    ...(input.names
      ? {
          name_en: input.names.en.trim(),
          name_fr: input.names.fr?.trim() ?? null,
          name_de: input.names.de?.trim() ?? null,
          name_it: input.names.it?.trim() ?? null,
          name_ru: input.names.ru?.trim() ?? null,
          name_es: input.names.es?.trim() ?? null,
        }
      : {}),
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    ...(input.countryIso2 !== undefined ? { country_iso2: input.countryIso2 } : {}),
    ...(input.city !== undefined ? { city: input.city } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
    ...(input.mandateSummary !== undefined ? { mandate_summary: input.mandateSummary?.trim() || null } : {}),
    ...(input.dimensions !== undefined ? { dimensions: input.dimensions } : {}),
  };
}

/** Adds an organisation (a partner, an authority, an NGO…); the co-ordinator's task. */
export async function createOrganisation(ctx: Context, input: CreateOrganisationBody): Promise<OrganisationView> {
  assertAllowed(ctx.actor, 'directory.manage');
  const viewer = await viewerOf(ctx);
  const id = await inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertOrganisation(trx, { ...columns(input), type: input.type, name_en: input.names.en.trim() });
    await audit(trx, ctx, {
      verb: 'directory.organisation.create',
      recordType: 'organisation',
      recordId: id,
      details: { type: input.type },
    });
    return id;
  });
  return load(ctx, viewer, id, languageOf(ctx));
}

/**
 * Changes an organisation. Its focal point may change its profile (seat city, website, mandate,
 * dimensions); its type, names, code and parent are the co-ordinator's.
 */
export async function updateOrganisation(ctx: Context, id: string, input: UpdateOrganisationBody): Promise<OrganisationView> {
  assertAllowed(ctx.actor, 'directory.edit', { organisationId: id });
  const viewer = await viewerOf(ctx);
  const beyondProfile = Object.keys(input).filter((k) => !(PROFILE_FIELDS as readonly string[]).includes(k));
  if (beyondProfile.length > 0 && !holds(ctx.actor, 'directory.manage')) {
    throw new Problem('forbidden', `Only the co-ordinator may change ${beyondProfile.join(', ')}.`);
  }
  if (input.parentId && (input.parentId === id || (await q.wouldLoop(ctx.db, id, input.parentId)))) {
    throw new Problem('validation', 'An organisation cannot sit under itself or one of its own units.', {
      errors: [{ pointer: '/parentId', message: 'Choose an organisation that is not one of its units.' }],
    });
  }
  await inTransaction(ctx.db, async (trx) => {
    const result = await q.updateOrganisation(trx, id, columns(input));
    if (Number(result.numUpdatedRows) === 0) throw new Problem('not_found', 'There is no organisation with this identifier.');
    if (input.names || input.acronym !== undefined || input.code !== undefined) await refreshOrganisationSearchText(trx, id);
    await audit(trx, ctx, {
      verb: 'directory.organisation.update',
      recordType: 'organisation',
      recordId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return load(ctx, viewer, id, languageOf(ctx));
}

export type { OrganisationType };
