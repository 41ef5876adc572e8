import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Viewer, visibleRecords } from '../visibility.js';
import { WEIGHTS } from './ranking.js';

export interface Question {
  country: string;
  words: string[];
  keyAreas: string[];
  competences: string[];
  language: string | null;
  confirmedSince: Date;
}

/** Key areas or competences whose name, in any of the six languages, matches the words. */
export async function selectTopicCodes(db: Kysely<DB>, table: 'key_area' | 'competence', words: string[], any: boolean) {
  if (words.length === 0) return [];
  const names = sql.ref('search_doc');
  const match = any
    ? sql.join(
        words.map((w) => sql`${names} @@ directory_query(array[${w}]::text[])`),
        sql` or `,
      )
    : sql`${names} @@ directory_query(${words}::text[])`;
  const { rows } = await sql<{ code: string }>`select code from ${sql.table(table)} where ${match} order by code`.execute(db);
  return rows.map((r) => r.code);
}

/** Visible activities on the topic in the country, with what they show: the evidence behind a recommendation. */
function evidence(viewer: Viewer, q: Question) {
  const text = q.words.length > 0 ? sql`a.search_doc @@ directory_query(${q.words}::text[])` : sql`false`;
  return sql`select a.id, a.contact_id, a.organisation_id, a.status, a.title, a.countries, a.start_date, a.end_date
    from directory_activity a
    where ${visibleRecords(viewer, 'a')} and a.countries @> array[${q.country}]::text[]
      and (a.key_areas && ${q.keyAreas}::text[] or ${text})`;
}

/**
 * The same activities for ranking, from the narrow place table; the wide row is read for its text
 * only when the key areas alone do not put the activity on the topic.
 */
function rankingEvidence(viewer: Viewer, q: Question) {
  const text =
    q.words.length > 0
      ? sql`coalesce((select a.search_doc @@ directory_query(${q.words}::text[]) from directory_activity a where a.id = p.activity_id), false)`
      : sql`false`;
  return sql`select p.activity_id as id, p.contact_id, p.organisation_id, p.status
    from directory_activity_place p
    where p.country_iso2 = ${q.country} and ${visibleRecords(viewer, 'p')}
      and (p.key_areas && ${q.keyAreas}::text[] or ${text})`;
}

/** The columns every candidate brings to scoring. */
const CANDIDATE = sql`id, name, key_areas, competences, languages, confirmed_at, organisation_id, covers, based, mentions_text`;

/**
 * Candidates on the country's side: covering it or based in it (from the place table), or contact
 * person of an activity there.
 */
function countryCandidates(viewer: Viewer, q: Question) {
  const text = (id: RawBuilder<unknown>) =>
    q.words.length > 0
      ? sql`coalesce((select t.search_doc @@ directory_query(${q.words}::text[]) from directory_contact t where t.id = ${id}), false)`
      : sql`false`;
  const onCodes = (alias: string) =>
    sql`(${sql.ref(`${alias}.key_areas`)} && ${q.keyAreas}::text[] or ${sql.ref(`${alias}.competences`)} && ${q.competences}::text[])`;
  return sql`select p.contact_id as id, p.name, p.key_areas, p.competences, p.languages, p.confirmed_at, p.organisation_id,
      p.covers, p.based, case when ${onCodes('p')} then false else ${text(sql.ref('p.contact_id'))} end as mentions_text
    from directory_contact_place p where p.country_iso2 = ${q.country} and ${visibleRecords(viewer, 'p')}
    union all
    select c.id, c.name, c.key_areas, c.competences, c.languages, c.confirmed_at, c.organisation_id, false, false,
      case when ${onCodes('c')} then false else ${text(sql.ref('c.id'))} end
    from directory_contact c
    where c.id in (select e.contact_id from evidence e where e.contact_id is not null
        and not exists (select 1 from directory_contact_place p where p.country_iso2 = ${q.country} and p.contact_id = e.contact_id))
      and ${visibleRecords(viewer, 'c')}`;
}

/** Candidates who work on the topic but have nothing to do with the country. */
function topicOnlyCandidates(viewer: Viewer, q: Question) {
  const text = q.words.length > 0 ? sql`c.search_doc @@ directory_query(${q.words}::text[])` : sql`false`;
  return sql`select c.id, c.name, c.key_areas, c.competences, c.languages, c.confirmed_at, c.organisation_id,
      false as covers, false as based, ${text} as mentions_text
    from directory_contact c join organisation o on o.id = c.organisation_id
    where ${visibleRecords(viewer, 'c')}
      and (c.key_areas && ${q.keyAreas}::text[] or c.competences && ${q.competences}::text[] or ${text})
      and not c.countries @> array[${q.country}]::text[]
      and o.country_iso2 is distinct from ${q.country}
      and not exists (select 1 from evidence e where e.contact_id = c.id)`;
}

export interface ScoredRow {
  id: string;
  score: number;
  covers_country: boolean;
  based_in_country: boolean;
  key_areas_hit: string[];
  competences_hit: string[];
  mentions_topic: boolean;
  organisation_active: boolean;
  speaks_language: boolean;
  recently_confirmed: boolean;
  on_topic: boolean;
}

/**
 * Scores candidates with the weights of ranking.ts and returns the best: those on the topic first
 * (with the country side, that is a full match), then by score, then by name. The order is decided
 * on booleans and counts only; which key areas and competences matched is worked out for the
 * returned rows alone, so the cost of a question grows with its candidates, not with their arrays.
 */
async function scored(db: Kysely<DB>, viewer: Viewer, q: Question, candidates: RawBuilder<unknown>, limit: number) {
  const W = WEIGHTS;
  const { rows } = await sql<ScoredRow>`
    with evidence as materialized (${rankingEvidence(viewer, q)}),
    by_contact as (
      select e.contact_id,
        count(*) filter (where e.status = 'ongoing')::int as n_ongoing,
        count(*) filter (where e.status = 'planned')::int as n_planned,
        count(*) filter (where e.status = 'completed')::int as n_completed
      from evidence e where e.contact_id is not null group by e.contact_id
    ),
    active_organisations as (select distinct e.organisation_id from evidence e),
    facts as (
      select k.id, k.name, k.key_areas, k.competences, k.mentions_text,
        k.covers as covers_country,
        k.based as based_in_country,
        k.key_areas && ${q.keyAreas}::text[] as key_area_hit,
        k.competences && ${q.competences}::text[] as competence_hit,
        coalesce(${q.language}::text is not null and k.languages @> array[${q.language}]::text[], false) as speaks_language,
        k.confirmed_at >= ${q.confirmedSince} as recently_confirmed,
        coalesce(b.n_ongoing, 0) as n_ongoing,
        coalesce(b.n_planned, 0) as n_planned,
        coalesce(b.n_completed, 0) as n_completed,
        ao.organisation_id is not null as organisation_active
      from (select ${CANDIDATE} from (${candidates}) all_candidates) k
      left join by_contact b on b.contact_id = k.id
      left join active_organisations ao on ao.organisation_id = k.organisation_id
    ),
    flagged as (
      select f.*, (not (key_area_hit or competence_hit) and mentions_text) as mentions_topic,
        n_ongoing + n_planned + n_completed as n_activities
      from facts f
    ),
    best as (
      select g.*,
        (key_area_hit or competence_hit or mentions_topic or n_activities > 0) as on_topic,
        (case when covers_country then ${sql.lit(W.coversCountry)} when based_in_country then ${sql.lit(W.basedInCountry)} else 0 end
          + case when key_area_hit then ${sql.lit(W.keyArea)} else 0 end
          + case when competence_hit then ${sql.lit(W.competence)} else 0 end
          + case when mentions_topic then ${sql.lit(W.mentionsTopic)} else 0 end
          + least(${sql.lit(W.activityCap)}, n_ongoing * ${sql.lit(W.activityOngoing)} + n_planned * ${sql.lit(W.activityPlanned)}
              + n_completed * ${sql.lit(W.activityCompleted)})
          + case when organisation_active and n_activities = 0 then ${sql.lit(W.organisationActive)} else 0 end
          + case when speaks_language then ${sql.lit(W.speaksLanguage)} else 0 end
          + case when recently_confirmed then ${sql.lit(W.recentlyConfirmed)} else ${sql.lit(W.notRecentlyConfirmed)} end)::int as score
      from flagged g
      order by on_topic desc, score desc, g.name, g.id
      limit ${limit}
    )
    select b.id, b.score, b.covers_country, b.based_in_country, b.mentions_topic, b.organisation_active,
      b.speaks_language, b.recently_confirmed, b.on_topic,
      array(select unnest(b.key_areas) intersect select unnest(${q.keyAreas}::text[]) order by 1) as key_areas_hit,
      array(select unnest(b.competences) intersect select unnest(${q.competences}::text[]) order by 1) as competences_hit
    from best b
    order by b.on_topic desc, b.score desc, b.name, b.id`.execute(db);
  return rows;
}

/** The best candidates on the country's side (full matches first). */
export function selectCountrySide(db: Kysely<DB>, viewer: Viewer, q: Question, limit: number) {
  return scored(db, viewer, q, countryCandidates(viewer, q), limit);
}

/** The best candidates who work on the topic elsewhere. */
export function selectTopicSide(db: Kysely<DB>, viewer: Viewer, q: Question, limit: number) {
  return scored(db, viewer, q, topicOnlyCandidates(viewer, q), limit);
}

/** The activities that justify the chosen contacts, ongoing first. */
export async function selectEvidence(db: Kysely<DB>, viewer: Viewer, q: Question, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    contact_id: string;
    status: 'planned' | 'ongoing' | 'completed';
    title: string;
    countries: string[];
    start_date: string | null;
    end_date: string | null;
  }>`with evidence as (${evidence(viewer, q)})
    select * from evidence e where e.contact_id = any(${contactIds}::uuid[])
    order by case e.status when 'ongoing' then 0 when 'planned' then 1 else 2 end, e.start_date desc nulls last, e.title`.execute(
    db,
  );
  return rows;
}
