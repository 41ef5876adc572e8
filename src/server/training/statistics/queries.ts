import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StatisticsQuery } from './schemas.js';

/** Completed participations matching the filter, as one row each (the statistics add them up). */
function completed(db: Kysely<DB>, query: StatisticsQuery) {
  let select = db
    .selectFrom('training_nomination as n')
    .innerJoin('training_session as s', 's.id', 'n.session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .where('n.completed_on', 'is not', null);
  if (query.year) select = select.where(sql<number>`extract(year from s.starts_on)`, '=', query.year);
  if (query.courseId) select = select.where('s.course_id', '=', query.courseId);
  if (query.countryIso2) select = select.where('n.country_iso2', '=', query.countryIso2);
  return select;
}

export async function countBy(db: Kysely<DB>, query: StatisticsQuery, column: 'n.country_iso2' | 'n.agency_type' | 'n.gender') {
  return completed(db, query)
    .select([`${column} as key`, (e) => e.fn.countAll<string>().as('count')])
    .groupBy(column)
    .orderBy('count', 'desc')
    .orderBy(column)
    .execute();
}

export async function countByYear(db: Kysely<DB>, query: StatisticsQuery) {
  const year = sql<string>`cast(extract(year from s.starts_on) as integer)`;
  return completed(db, query)
    .select([year.as('key'), (e) => e.fn.countAll<string>().as('count')])
    .groupBy(year)
    .orderBy(year)
    .execute();
}

/** Per course: people trained, and the mean gain of those who took both tests. */
export async function byCourse(db: Kysely<DB>, query: StatisticsQuery) {
  const pre = sql<number>`(select 100.0 * a.score / a.max_score from training_attempt a where a.nomination_id = n.id and a.kind = 'pre')`;
  const post = sql<number>`(select 100.0 * a.score / a.max_score from training_attempt a where a.nomination_id = n.id and a.kind = 'post')`;
  return completed(db, query)
    .select([
      'c.code as key',
      'c.title',
      (e) => e.fn.countAll<string>().as('count'),
      sql<string | null>`avg(${post} - ${pre})`.as('mean_gain'),
      sql<string>`count(${post} - ${pre})`.as('tested'),
    ])
    .groupBy(['c.code', 'c.title'])
    .orderBy('c.code')
    .execute();
}

export async function selectExpiring(db: Kysely<DB>, until: string) {
  return db
    .selectFrom('expert_prerequisite as p')
    .innerJoin('expert as e', 'e.id', 'p.expert_id')
    .select(['p.expert_id', 'e.name', 'p.code', 'p.expires_on'])
    .where('p.expires_on', 'is not', null)
    .where('p.expires_on', '<=', until)
    .orderBy('p.expires_on')
    .orderBy('e.name')
    .limit(500)
    .execute();
}
