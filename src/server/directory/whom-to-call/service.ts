import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import { presentContact, staleBefore } from '../contacts/present.js';
import { selectContactsById, selectFallbackContact } from '../contacts/queries.js';
import { isoDate, languageOf } from '../present.js';
import { cachedReference, withTranslations } from '../reference.js';
import { searchWords } from '../text.js';
import { viewerOf } from '../visibility.js';
import * as q from './queries.js';
import { inCountry, reasonsOf, scoreOf } from './ranking.js';
import type { Recommendation, WhomToCallQuery, WhomToCallResult } from './schemas.js';

export const FALLBACK_MESSAGE =
  'Nobody in the directory both works on this topic and covers this country. The OSCE co-ordinator is the single point ' +
  'of contact and will find the right person.';

/**
 * "Whom do I call?": the contacts the caller may see, ranked by how well they fit the topic, the
 * country and the language, each with the facts and activities that put it there.
 */
export async function whomToCall(ctx: Context, query: WhomToCallQuery): Promise<WhomToCallResult> {
  if (!query.topic && !query.keyArea && !query.competence) {
    throw new Problem('validation', 'Say what the question is about: a topic, a key area or a competence.', {
      errors: [{ pointer: '/querystring/topic', message: 'Give a topic.' }],
    });
  }
  const lang = languageOf(ctx, query.lang);
  const [viewer, ref] = await Promise.all([viewerOf(ctx), cachedReference(ctx.db)]);
  const country = ref.countries.get(query.country);
  if (!country) throw new Problem('validation', `There is no country with the code ${query.country}.`);
  if (query.keyArea && !ref.keyAreas.has(query.keyArea)) throw new Problem('validation', 'There is no such key area.');
  if (query.competence && !ref.competences.has(query.competence)) throw new Problem('validation', 'There is no such competence.');
  if (query.language && !ref.languages.has(query.language)) throw new Problem('validation', 'There is no such language.');

  const words = searchWords(query.topic);
  const topicCodes = async (table: 'key_area' | 'competence') => {
    const all = await q.selectTopicCodes(ctx.db, table, words, false);
    if (all.length > 0) return all;
    const long = words.filter((w) => w.length >= 5);
    return long.length > 0 ? q.selectTopicCodes(ctx.db, table, long, true) : [];
  };
  const [keyAreas, competences] = await Promise.all([topicCodes('key_area'), topicCodes('competence')]);
  if (query.keyArea && !keyAreas.includes(query.keyArea)) keyAreas.push(query.keyArea);
  if (query.competence && !competences.includes(query.competence)) competences.push(query.competence);

  const cutoff = staleBefore();
  const question: q.Question = {
    country: query.country,
    words: withTranslations(words, ref.translations),
    keyAreas,
    competences,
    language: query.language ?? null,
    confirmedSince: cutoff,
  };
  const limit = query.limit ?? 10;
  const countrySide = await q.selectCountrySide(ctx.db, viewer, question, limit);
  const full = countrySide.filter((r) => r.on_topic);
  const topicSide = full.length < limit ? await q.selectTopicSide(ctx.db, viewer, question, limit - full.length) : [];
  const partial = [...countrySide.filter((r) => !r.on_topic), ...topicSide]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit - full.length);
  const chosen = [...full, ...partial];

  const ids = chosen.map((r) => r.id);
  const [contacts, evidence] = await Promise.all([
    selectContactsById(ctx.db, ids),
    q.selectEvidence(ctx.db, viewer, question, ids),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const name = (list: Map<string, { names: Record<string, string> }>, code: string) => list.get(code)?.names[lang] ?? code;
  const results: Recommendation[] = chosen.flatMap((row, index): Recommendation[] => {
    const contact = byId.get(row.id);
    if (!contact) return [];
    const activities = evidence.filter((e) => e.contact_id === row.id);
    const facts = {
      coversCountry: row.covers_country,
      basedInCountry: row.based_in_country,
      keyAreas: row.key_areas_hit,
      competences: row.competences_hit,
      mentionsTopic: row.mentions_topic,
      activities,
      organisationActive: row.organisation_active,
      speaksLanguage: row.speaks_language,
      languageName: query.language ? name(ref.languages, query.language) : null,
      recentlyConfirmed: row.recently_confirmed,
      countryName: country.names[lang],
      keyAreaNames: row.key_areas_hit.map((c) => name(ref.keyAreas, c)),
      competenceNames: row.competences_hit.map((c) => name(ref.competences, c)),
    };
    const reasons = reasonsOf(facts);
    return [
      {
        rank: index + 1,
        match: row.on_topic ? (inCountry(facts) ? 'full' : 'topic_only') : 'country_only',
        score: scoreOf(reasons),
        contact: presentContact(contact, viewer, lang, cutoff),
        reasons,
        activities: activities.map((a) => ({
          id: a.id,
          title: a.title,
          status: a.status,
          countries: a.countries,
          startDate: isoDate(a.start_date),
          endDate: isoDate(a.end_date),
        })),
      },
    ];
  });

  let fallback: WhomToCallResult['fallback'] = null;
  if (!results.some((r) => r.match === 'full')) {
    const desk = await selectFallbackContact(ctx.db);
    fallback = { message: FALLBACK_MESSAGE, contact: desk ? presentContact(desk, viewer, lang, cutoff) : null };
  }
  return {
    country: query.country,
    topic: query.topic ?? null,
    keyAreas,
    competences,
    language: query.language ?? null,
    results,
    fallback,
  };
}
