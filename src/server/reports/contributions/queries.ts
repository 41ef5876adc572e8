import { sql } from 'kysely';
import type { Db } from '../drafting/queries.js';
import type { ContributionStatus } from '../tables.js';

/** Contributions with their project and contributor, by project or across projects. */
export function selectContributions(
  db: Db,
  filter: { projectIds?: readonly string[]; ids?: readonly string[]; recommendationIds?: readonly string[] },
) {
  let select = db
    .selectFrom('project_contribution as c')
    .innerJoin('follow_up_project as p', 'p.id', 'c.project_id')
    .leftJoin('organisation as o', 'o.id', 'c.contributor_organisation_id')
    .leftJoin('country as k', 'k.iso2', 'c.contributor_country_iso2')
    .select([
      'c.id',
      'c.project_id',
      'p.recommendation_id',
      'p.organisation_id as project_organisation_id',
      'p.title as project_title',
      'c.contributor_country_iso2',
      'c.contributor_organisation_id',
      sql<string>`coalesce(o.acronym, o.name_en, k.name_en, '')`.as('contributor_name'),
      'c.amount',
      'c.currency',
      'c.status',
      'c.contributed_on',
      'c.note',
      'c.updated_at',
    ]);
  const none = ['00000000-0000-0000-0000-000000000000'];
  if (filter.projectIds) select = select.where('c.project_id', 'in', filter.projectIds.length > 0 ? filter.projectIds : none);
  if (filter.ids) select = select.where('c.id', 'in', filter.ids.length > 0 ? filter.ids : none);
  if (filter.recommendationIds) {
    select = select.where('p.recommendation_id', 'in', filter.recommendationIds.length > 0 ? filter.recommendationIds : none);
  }
  return select.orderBy('c.contributed_on', 'desc').orderBy('c.created_at', 'desc').execute();
}
export type ContributionRow = Awaited<ReturnType<typeof selectContributions>>[number];

export function insertContribution(
  db: Db,
  row: {
    id?: string;
    project_id: string;
    contributor_country_iso2: string | null;
    contributor_organisation_id: string | null;
    amount: number;
    currency: string;
    status: ContributionStatus;
    contributed_on: string;
    note: string;
    created_by: string | null;
    updated_by: string | null;
  },
) {
  return db
    .insertInto('project_contribution')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function lockContribution(db: Db, id: string) {
  return db.selectFrom('project_contribution').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateContribution(
  db: Db,
  id: string,
  columns: Partial<{ amount: number; currency: string; status: ContributionStatus; contributed_on: string; note: string }>,
  actorId: string | null,
) {
  return db
    .updateTable('project_contribution')
    .set({ ...columns, updated_by: actorId, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Whether a code names a participating State of the reference data. */
export function selectParticipatingState(db: Db, iso2: string) {
  return db
    .selectFrom('country')
    .select('iso2')
    .where('iso2', '=', iso2)
    .where('osce_status', '=', 'participating')
    .executeTakeFirst();
}
