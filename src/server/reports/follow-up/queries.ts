import { sql } from 'kysely';
import type { Db } from '../drafting/queries.js';
import type { ProjectStatus } from '../tables.js';

/**
 * Recommendations of the given reports, and every one from a conference or an external
 * organisation's document (those are open to anyone signed in), with their addressee's name,
 * their source and their projects' statuses counted.
 */
export function selectRecommendations(db: Db, reportIds: readonly string[], ids?: readonly string[]) {
  let select = db
    .selectFrom('recommendation as r')
    .leftJoin('mission_report as mr', 'mr.id', 'r.report_id')
    .leftJoin('mission as m', 'm.id', 'mr.mission_id')
    .leftJoin('conference_event as ce', 'ce.id', 'r.event_id')
    .leftJoin('organisation as so', 'so.id', 'r.source_organisation_id')
    .leftJoin('consensus_commitment as cc', 'cc.id', 'r.commitment_id')
    .leftJoin('country as c', 'c.iso2', 'r.addressee_country_iso2')
    .leftJoin('organisation as o', 'o.id', 'r.addressee_organisation_id')
    // The projects' statuses counted per recommendation in one pass, not one subquery per row.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('follow_up_project')
          .select([
            'recommendation_id',
            sql<number>`count(*)::int`.as('projects'),
            sql<number>`(count(*) filter (where status = 'not_started'))::int`.as('not_started'),
            sql<number>`(count(*) filter (where status = 'in_progress'))::int`.as('in_progress'),
            sql<number>`(count(*) filter (where status = 'implemented'))::int`.as('implemented'),
            sql<Date>`max(status_changed_at)`.as('last_change'),
          ])
          .groupBy('recommendation_id')
          .as('p'),
      (join) => join.onRef('p.recommendation_id', '=', 'r.id'),
    )
    .select([
      'r.id',
      'r.report_id',
      'r.source',
      'r.event_id',
      'r.source_organisation_id',
      'r.source_document',
      'r.source_date',
      'r.commitment_id',
      'r.position',
      'r.text',
      'r.addressee_country_iso2',
      'r.addressee_organisation_id',
      'r.key_area_code',
      'r.dimension_code',
      'r.priority',
      'r.due_on',
      'mr.mission_id',
      'm.code as mission_code',
      'ce.title as event_title',
      sql<string | null>`coalesce(so.acronym, so.name_en)`.as('source_organisation'),
      sql<string | null>`case when cc.id is null then null else concat_ws(' — ', cc.symbol, cc.title) end`.as('commitment'),
      // When the recommendation entered the tracker: its report's adoption, its conference's end,
      // or the external document's date.
      sql<Date>`coalesce(mr.adopted_at, ce.ends_at, r.source_date::timestamptz, r.created_at)`.as('adopted_at'),
      sql<string>`coalesce(c.name_en, o.acronym, o.name_en)`.as('addressee'),
      sql<number>`coalesce(p.projects, 0)`.as('projects'),
      sql<number>`coalesce(p.not_started, 0)`.as('not_started'),
      sql<number>`coalesce(p.in_progress, 0)`.as('in_progress'),
      sql<number>`coalesce(p.implemented, 0)`.as('implemented'),
      sql<Date | null>`p.last_change`.as('last_change'),
    ])
    .where((eb) =>
      eb.or([eb('r.source', '<>', 'report'), ...(reportIds.length > 0 ? [eb('r.report_id', 'in', reportIds)] : [])]),
    );
  if (ids) select = select.where('r.id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  return select.orderBy('m.code').orderBy('ce.title').orderBy('r.position').execute();
}
export type RecommendationRow = Awaited<ReturnType<typeof selectRecommendations>>[number];

export function selectProjects(db: Db, recommendationIds: readonly string[], projectIds?: readonly string[]) {
  let select = db
    .selectFrom('follow_up_project as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select(sql<string>`coalesce(o.acronym, o.name_en)`.as('organisation'));
  if (recommendationIds.length > 0) select = select.where('p.recommendation_id', 'in', recommendationIds);
  if (projectIds)
    select = select.where('p.id', 'in', projectIds.length > 0 ? projectIds : ['00000000-0000-0000-0000-000000000000']);
  return select.orderBy('p.created_at').execute();
}
export type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

export function selectNotes(db: Db, projectIds: readonly string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('follow_up_note as n')
    .leftJoin('app_user as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.project_id', 'n.noted_on', 'n.text', 'u.name as author'])
    .where('n.project_id', 'in', projectIds)
    .orderBy('n.noted_on', 'desc')
    .orderBy('n.created_at', 'desc')
    .execute();
}

export function insertProject(
  db: Db,
  row: {
    recommendation_id: string;
    organisation_id: string;
    title: string;
    budget: number | null;
    currency: string | null;
    starts_on: string | null;
    ends_on: string | null;
  },
) {
  return db.insertInto('follow_up_project').values(row).returning('id').executeTakeFirstOrThrow();
}

export function lockProject(db: Db, id: string) {
  return db.selectFrom('follow_up_project').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateProject(
  db: Db,
  id: string,
  columns: Partial<{
    title: string;
    budget: number | null;
    currency: string | null;
    starts_on: string | null;
    ends_on: string | null;
    status: ProjectStatus;
    reason: string | null;
  }>,
  statusChanged: boolean,
) {
  return db
    .updateTable('follow_up_project')
    .set({ ...columns, updated_at: sql`now()`, ...(statusChanged ? { status_changed_at: sql`now()` } : {}) })
    .where('id', '=', id)
    .execute();
}

export function insertNote(db: Db, row: { project_id: string; noted_on: string; text: string; author_id: string | null }) {
  return db.insertInto('follow_up_note').values(row).execute();
}

export function selectOrganisation(db: Db, id: string) {
  return db.selectFrom('organisation').select(['id']).where('id', '=', id).executeTakeFirst();
}

/** Adds recommendations with their source (a conference or an external document); returns their ids in order. */
export function insertSourcedRecommendations(
  db: Db,
  rows: readonly {
    source: 'conference' | 'external';
    event_id?: string | null;
    source_organisation_id?: string | null;
    source_document?: string | null;
    source_date?: string | null;
    commitment_id?: string | null;
    position: number;
    text: string;
    addressee_country_iso2: string | null;
    addressee_organisation_id: string | null;
    key_area_code: string;
    dimension_code: string;
    priority: 'high' | 'medium' | 'low';
    due_on: string | null;
    created_by: string | null;
  }[],
) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('recommendation').values(rows).returning('id').execute();
}

export function updateCommitment(db: Db, id: string, commitmentId: string | null) {
  return db.updateTable('recommendation').set({ commitment_id: commitmentId }).where('id', '=', id).execute();
}

export function selectCommitment(db: Db, id: string) {
  return db.selectFrom('consensus_commitment').select('id').where('id', '=', id).executeTakeFirst();
}
