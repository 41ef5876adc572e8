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
 * The same activities for ranking, from the narrow place table. The activities whose text is on the
 * topic are found once, through the text and country indexes, and only for places whose key areas
 * alone do not put them on the topic. The text index also holds each activity's visibility, so that
 * the activities the viewer may not see are not read at all (a place has its activity's visibility
 * and organisation, so this leaves out only places that are left out anyway).
 */
function rankingEvidence(viewer: Viewer, q: Question) {
  const text =
    q.words.length > 0
      ? sql`p.activity_id in (select a.id from directory_activity a
          where a.search_doc @@ directory_query(${q.words}::text[]) and ${visibleRecords(viewer, 'a', 'text_index')}
            and a.countries @> array[${q.country}]::text[])`
      : sql`false`;
  return sql`select p.activity_id as id, p.contact_id, p.organisation_id, p.status
    from directory_activity_place p
    where p.country_iso2 = ${q.country} and ${visibleRecords(viewer, 'p')}
      and (p.key_areas && ${q.keyAreas}::text[] or ${text})`;
}

/**
 * A contact's place in the country, with what scoring reads: its key areas, competences and
 * languages as comma-framed lists (",en,ru,"), as the place table holds them.
 */
const PLACE = sql`p.contact_id as id, p.name, p.key_area_codes, p.competence_codes, p.language_codes, p.confirmed_at,
  p.organisation_id, p.covers, p.based`;

/** Whether a comma-framed list of codes holds any of `codes`: a few substring searches. */
function holdsAny(list: RawBuilder<unknown>, codes: readonly string[]) {
  if (codes.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    codes.map((code) => sql`strpos(${list}, ${`,${code},`}) > 0`),
    sql` or `,
  )})`;
}

/** Whether the contact's own text is on the topic, read from its row. */
function mentionsText(q: Question, id: RawBuilder<unknown>) {
  return q.words.length > 0
    ? sql<boolean>`coalesce((select t.search_doc @@ directory_query(${q.words}::text[]) from directory_contact t where t.id = ${id}), false)`
    : sql<boolean>`false`;
}

/**
 * Candidates who work on the topic but have nothing to do with the country; with `firstByName`,
 * only those among that many contacts, the first by name (read in order from the name index).
 */
function topicOnlyCandidates(viewer: Viewer, q: Question, firstByName?: number) {
  const contacts = firstByName
    ? sql`(select * from directory_contact order by name, id limit ${firstByName})`
    : sql`directory_contact`;
  const text = q.words.length > 0 ? sql`c.search_doc @@ directory_query(${q.words}::text[])` : sql`false`;
  return sql`select c.id, c.name, c.key_areas, c.competences, c.languages, c.confirmed_at, c.organisation_id,
      false as covers, false as based
    from ${contacts} c
    where ${visibleRecords(viewer, 'c')}
      and (c.key_areas && ${q.keyAreas}::text[] or c.competences && ${q.competences}::text[] or ${text})
      and not c.countries @> array[${q.country}]::text[]
      and c.organisation_id not in (select o.id from organisation o where o.country_iso2 = ${q.country})
      and c.id not in (select b.contact_id from by_contact b)`;
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
  /** The highest score any candidate of the query could have, when asked for. */
  ceiling?: number;
}

/** The evidence for ranking, counted per contact and per organisation. */
function evidenceTables(viewer: Viewer, q: Question) {
  return sql`evidence as materialized (${rankingEvidence(viewer, q)}),
    by_contact as materialized (
      select e.contact_id,
        count(*) filter (where e.status = 'ongoing')::int as n_ongoing,
        count(*) filter (where e.status = 'planned')::int as n_planned,
        count(*) filter (where e.status = 'completed')::int as n_completed
      from evidence e where e.contact_id is not null group by e.contact_id
    ),
    active_organisations as materialized (select distinct e.organisation_id from evidence e)`;
}

/** Whether a candidate has one of the question's key areas, competences and its language. */
interface Hits {
  keyArea: RawBuilder<boolean>;
  competence: RawBuilder<boolean>;
  language: RawBuilder<boolean>;
}

/** Whether a place row (alias k) has the question's codes, from its comma-framed lists. */
const placeHits = (q: Question): Hits => ({
  keyArea: holdsAny(sql.ref('k.key_area_codes'), q.keyAreas),
  competence: holdsAny(sql.ref('k.competence_codes'), q.competences),
  language: holdsAny(sql.ref('k.language_codes'), q.language ? [q.language] : []),
});

/** Whether a contact row (alias k) has the question's codes, from its arrays. */
const contactHits = (q: Question): Hits => ({
  keyArea: sql`k.key_areas && ${q.keyAreas}::text[]`,
  competence: sql`k.competences && ${q.competences}::text[]`,
  language: q.language ? sql`k.languages @> array[${q.language}]::text[]` : sql`false`,
});

/**
 * Every fact about the candidates but whether their own text mentions the topic, and the score and
 * on-topic flag those facts give: a lower bound, since a mention can only add to them. The rows are
 * narrow (booleans and counts), so that tens of thousands of them sort and join quickly.
 */
function factsOf(q: Question, candidates: RawBuilder<unknown>, hits: Hits) {
  const W = WEIGHTS;
  return sql`select f.*,
      (f.key_area_hit or f.competence_hit or f.n_activities > 0) as on_topic_known,
      (case when f.covers_country then ${sql.lit(W.coversCountry)} when f.based_in_country then ${sql.lit(W.basedInCountry)} else 0 end
        + case when f.key_area_hit then ${sql.lit(W.keyArea)} else 0 end
        + case when f.competence_hit then ${sql.lit(W.competence)} else 0 end
        + least(${sql.lit(W.activityCap)}, f.n_ongoing * ${sql.lit(W.activityOngoing)} + f.n_planned * ${sql.lit(W.activityPlanned)}
            + f.n_completed * ${sql.lit(W.activityCompleted)})
        + case when f.organisation_active and f.n_activities = 0 then ${sql.lit(W.organisationActive)} else 0 end
        + case when f.speaks_language then ${sql.lit(W.speaksLanguage)} else 0 end
        + case when f.recently_confirmed then ${sql.lit(W.recentlyConfirmed)} else ${sql.lit(W.notRecentlyConfirmed)} end)::int
        as score_known
    from (
      select k.id, k.name,
        k.covers as covers_country,
        k.based as based_in_country,
        ${hits.keyArea} as key_area_hit,
        ${hits.competence} as competence_hit,
        ${hits.language} as speaks_language,
        k.confirmed_at >= ${q.confirmedSince} as recently_confirmed,
        coalesce(b.n_ongoing, 0) as n_ongoing,
        coalesce(b.n_planned, 0) as n_planned,
        coalesce(b.n_completed, 0) as n_completed,
        coalesce(b.n_ongoing + b.n_planned + b.n_completed, 0) as n_activities,
        ao.organisation_id is not null as organisation_active
      from (${candidates}) k
      left join by_contact b on b.contact_id = k.id
      left join active_organisations ao on ao.organisation_id = k.organisation_id
    ) f`;
}

/**
 * The best of the facts table `facts`, given whether each mentions the topic (worked out once per
 * row): those on the topic first (with the country side, that is a full match), then by score, then
 * by name. Which key areas and competences matched is worked out for the returned rows alone.
 */
async function ranked(
  db: Kysely<DB>,
  q: Question,
  tables: RawBuilder<unknown>,
  mentions: RawBuilder<boolean>,
  limit: number,
  ceiling: RawBuilder<number> = sql`null`,
) {
  const { rows } = await sql<ScoredRow>`
    with ${tables},
    flagged as materialized (
      select g.*, ${mentions} as mentions_topic from facts g
    ),
    chosen as (
      select g.*, (g.on_topic_known or g.mentions_topic) as on_topic,
        g.score_known + case when g.mentions_topic then ${sql.lit(WEIGHTS.mentionsTopic)} else 0 end as score
      from flagged g
      order by on_topic desc, score desc, name, id
      limit ${limit}
    )
    select b.id, b.score, b.covers_country, b.based_in_country, b.mentions_topic, b.organisation_active,
      b.speaks_language, b.recently_confirmed, b.on_topic,
      array(select unnest(c.key_areas) intersect select unnest(${q.keyAreas}::text[]) order by 1) as key_areas_hit,
      array(select unnest(c.competences) intersect select unnest(${q.competences}::text[]) order by 1) as competences_hit,
      (${ceiling})::int as ceiling
    from chosen b join directory_contact c on c.id = b.id
    order by b.on_topic desc, b.score desc, b.name, b.id`.execute(db);
  return rows;
}

/**
 * The most a contact without activities in the country can score for the topic (a key area and a
 * competence, or else a mention), the language and being recently confirmed: the part of a bound
 * both sides share.
 */
function mostForTopicAndLanguage(q: Question): number {
  const W = WEIGHTS;
  const codes = (q.keyAreas.length > 0 ? W.keyArea : 0) + (q.competences.length > 0 ? W.competence : 0);
  const topic = Math.max(codes, q.words.length > 0 ? W.mentionsTopic : 0);
  return topic + (q.language ? W.speaksLanguage : 0) + W.recentlyConfirmed;
}

/**
 * The best candidates on the country's side (full matches first): contacts who cover the country,
 * whose organisation is based there, or who are the contact person of an activity there on the topic.
 *
 * A country has thousands of candidates (a hub such as Vienna, the seat of many organisations, tens
 * of thousands), so the work is bounded without changing the answer. The candidates are read in
 * three tiers, each scored on every fact but the text of their own record: those who cover the
 * country or act there and hold one of the topic's codes or have activities on it ("near"), then
 * the others who cover it ("covering"), then the others whose organisation is based there
 * ("based"). After each tier the `limit`-th best score so far is a floor the answer cannot fall
 * below. A contact of a later tier has no activities on the topic and, in the covering tier, none
 * of its codes, so it can score at most what its own row allows: a tier is read only when its best
 * could reach the floor, and then only the rows that could. Only the candidates that can still
 * reach the final floor are ranked, and a contact's own text is read only for those.
 * `bounded = false` ranks every candidate: the reference the tests hold this to.
 */
export async function selectCountrySide(db: Kysely<DB>, viewer: Viewer, q: Question, limit: number, bounded = true) {
  const W = WEIGHTS;
  const here = sql`p.country_iso2 = ${q.country} and ${visibleRecords(viewer, 'p')}`;
  const keyArea = holdsAny(sql.ref('p.key_area_codes'), q.keyAreas);
  const competence = holdsAny(sql.ref('p.competence_codes'), q.competences);
  const codeHit = sql`(${keyArea} or ${competence})`;
  const acting = sql`p.contact_id in (select b.contact_id from by_contact b)`;
  // What a contact without activities on the topic scores at most, from its own row, given the
  // points of its place: on the topic by a key area, a competence or (else) a mention, its
  // organisation active, its language, confirmed.
  const ownBest = (place: number) => sql`${sql.lit(place + W.organisationActive)}
    + case when ${keyArea} then ${sql.lit(W.keyArea)} else 0 end
    + case when ${competence} then ${sql.lit(W.competence)} else 0 end
    + case when ${q.words.length > 0 ? sql`not ${codeHit}` : sql`false`} then ${sql.lit(W.mentionsTopic)} else 0 end
    + case when ${holdsAny(sql.ref('p.language_codes'), q.language ? [q.language] : [])} then ${sql.lit(W.speaksLanguage)} else 0 end
    + case when p.confirmed_at >= ${q.confirmedSince} then ${sql.lit(W.recentlyConfirmed)} else ${sql.lit(W.notRecentlyConfirmed)} end`;
  // Whether the tier's rows could reach the floor of the tiers before it: the most any of them can
  // score (`topic`: the part of the question they can match), then each row's best.
  const reaches = (floorTable: string, place: number, topic: Question) => {
    const ceiling = place + W.organisationActive + mostForTopicAndLanguage(topic);
    const floor = sql`(select f.score from ${sql.table(floorTable)} f where f.on_topic)`;
    return sql`${sql.lit(ceiling)} >= coalesce(${floor}, ${sql.lit(ceiling)}) and (${floor} is null or ${ownBest(place)} >= ${floor})`;
  };
  const tiers = [
    sql`select ${PLACE} from directory_contact_place p
      where ${here} and (p.covers or p.acts) and (p.covers and ${codeHit} or ${acting})`,
    sql`select ${PLACE} from directory_contact_place p
      where ${here} and p.covers and not ${codeHit} and not ${acting}
        and ${reaches('floor_1', W.coversCountry, { ...q, keyAreas: [], competences: [] })}`,
    sql`select ${PLACE} from directory_contact_place p
      where ${here} and p.based and not p.covers and not ${acting}
        and ${reaches('floor_2', W.basedInCountry, q)}`,
  ];
  const ctes = tiers.flatMap((candidates, i) => {
    const n = sql.raw(String(i + 1));
    const before = i > 0 ? sql`select * from ${sql.raw(`best_${i}`)} union all ` : sql``;
    return [
      sql`facts_${n} as materialized (${factsOf(q, candidates, placeHits(q))})`,
      sql`best_${n} as materialized (
        select * from (${before}(select on_topic_known as on_topic, score_known as score from facts_${n}
          where ${sql.lit(bounded)} order by on_topic_known desc, score_known desc limit ${limit})) u
        order by on_topic desc, score desc limit ${limit})`,
      sql`floor_${n} as (select * from best_${n} order by on_topic desc, score desc offset ${limit - 1} limit 1)`,
    ];
  });
  const mentionable = q.words.length > 0 ? sql`not (u.key_area_hit or u.competence_hit)` : sql`false`;
  const tables = sql`${evidenceTables(viewer, q)}, ${sql.join(ctes, sql`, `)},
    facts as (
      select u.* from (select * from facts_1 union all select * from facts_2 union all select * from facts_3) u
      cross join (select (select f.score from floor_3 f where f.on_topic) as score) f
      where f.score is null or u.on_topic_known and u.score_known >= f.score
        or ${mentionable} and u.score_known + ${sql.lit(W.mentionsTopic)} >= f.score
    )`;
  const mentions = sql<boolean>`(not (g.key_area_hit or g.competence_hit) and ${mentionsText(q, sql.ref('g.id'))})`;
  return ranked(db, q, tables, mentions, limit);
}

/** Among how many contacts, the first by name, candidates elsewhere are ranked before all of them are. */
const TOPIC_SIDE_FIRST = 5000;

/**
 * The best candidates who work on the topic elsewhere. Often those among the first contacts by
 * name already hold `limit` contacts with the highest score a contact elsewhere can have (the
 * ceiling): nobody later in the alphabet can come before them, so the rest are not read; the first
 * contacts cost the same to read however rare the topic is. `firstByName = null` ranks every
 * candidate at once: the reference the tests hold this to.
 */
export async function selectTopicSide(
  db: Kysely<DB>,
  viewer: Viewer,
  q: Question,
  limit: number,
  firstByName: number | null = TOPIC_SIDE_FIRST,
) {
  const W = WEIGHTS;
  const ceiling = sql<number>`${sql.lit(mostForTopicAndLanguage(q))}
    + case when exists (select 1 from active_organisations) then ${sql.lit(W.organisationActive)} else 0 end`;
  const rank = (on: Kysely<DB>, firstByName?: number) => {
    const candidates = topicOnlyCandidates(viewer, q, firstByName);
    const tables = sql`${evidenceTables(viewer, q)}, facts as (${factsOf(q, candidates, contactHits(q))})`;
    // A candidate without the key area or competence is one because its text is on the topic.
    return ranked(on, q, tables, sql<boolean>`not (g.key_area_hit or g.competence_hit)`, limit, ceiling);
  };
  if (firstByName === null) return rank(db);
  const first = await rank(db, firstByName);
  if (first.length === limit && first.every((r) => r.score === r.ceiling)) return first;
  return rank(db);
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
