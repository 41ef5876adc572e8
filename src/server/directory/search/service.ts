import type { Context } from '../../context.js';
import { presentActivities } from '../activities/present.js';
import { selectActivitiesById } from '../activities/queries.js';
import { directoryConfig } from '../config.js';
import { presentContact, staleBefore } from '../contacts/present.js';
import { selectContactsById } from '../contacts/queries.js';
import { selectOrganisationRefs } from '../organisations/queries.js';
import { languageOf, presentOrganisationRef } from '../present.js';
import { searchTerms } from '../reference.js';
import { viewerOf } from '../visibility.js';
import { searchPage } from './queries.js';
import type { SearchHit, SearchQuery, SearchResult } from './schemas.js';

/** Full-text search across organisations, contacts and activities, of what the caller may see. */
export async function search(ctx: Context, query: SearchQuery): Promise<SearchResult> {
  const viewer = await viewerOf(ctx);
  const lang = languageOf(ctx, query.lang);
  const words = await searchTerms(ctx.db, query.q);
  const countLimit = directoryConfig().searchCountLimit;
  const { rows, totals, capped } = await searchPage(ctx.db, viewer, words, query, countLimit);
  const ids = (kind: SearchHit['kind']) => rows.filter((r) => r.kind === kind).map((r) => r.id);

  const [organisationRows, contacts, activityRows] = await Promise.all([
    selectOrganisationRefs(ctx.db, ids('organisation')),
    selectContactsById(ctx.db, ids('contact')),
    selectActivitiesById(ctx.db, ids('activity')),
  ]);
  const organisations = new Map(
    organisationRows.map((row) => [
      row.id,
      {
        ...presentOrganisationRef(row, lang),
        countryIso2: row.country_iso2,
        city: row.city,
        mandateSummary: row.mandate_summary,
      },
    ]),
  );
  const cutoff = staleBefore();
  const contactViews = new Map(contacts.map((row) => [row.id, presentContact(row, viewer, lang, cutoff)]));
  const activityViews = new Map((await presentActivities(ctx.db, viewer, activityRows, lang)).map((a) => [a.id, a]));

  const items: SearchHit[] = rows.flatMap((row): SearchHit[] => {
    if (row.kind === 'organisation') {
      const organisation = organisations.get(row.id);
      return organisation ? [{ kind: 'organisation', id: row.id, organisation }] : [];
    }
    if (row.kind === 'contact') {
      const contact = contactViews.get(row.id);
      return contact ? [{ kind: 'contact', id: row.id, contact }] : [];
    }
    const activity = activityViews.get(row.id);
    return activity ? [{ kind: 'activity', id: row.id, activity }] : [];
  });
  return {
    items,
    total: totals.organisation + totals.contact + totals.activity,
    totals,
    capped,
    countLimit,
    limit: query.limit ?? 25,
    offset: query.offset ?? 0,
  };
}
