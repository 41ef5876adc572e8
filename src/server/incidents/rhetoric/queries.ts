import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export type Db = Kysely<DB>;

const COLUMNS = [
  's.id',
  's.status',
  sql<string>`to_char(s.stated_on, 'YYYY-MM-DD')`.as('stated_on'),
  's.country_iso2',
  's.speaker_role',
  's.medium',
  's.link',
  's.words',
  's.context',
  's.created_at',
  's.reviewed_at',
  's.rejection_reason',
] as const;

export interface StatementFilter {
  status?: string;
  country?: string;
  ids?: string[];
  /** The countries the caller reviews; null for all of them. */
  countries: string[] | null;
}

function filtered(db: Db, filter: StatementFilter) {
  let query = db.selectFrom('rhetoric_statement as s');
  if (filter.status) query = query.where('s.status', '=', filter.status as 'submitted');
  if (filter.country) query = query.where('s.country_iso2', '=', filter.country);
  if (filter.ids) query = query.where('s.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.countries) query = query.where('s.country_iso2', 'in', filter.countries.length ? filter.countries : ['--']);
  return query;
}

/** Statements matching the filter, oldest waiting first, with their count. */
export async function selectStatements(db: Db, filter: StatementFilter, page: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select(COLUMNS)
      .orderBy(sql`s.status = 'submitted'`, 'desc')
      .orderBy('s.created_at')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type StatementRow = Awaited<ReturnType<typeof selectStatements>>['rows'][number];

/** Who recorded a statement: personal data, for the reviewer's view only. */
export function selectSubmitter(db: Db, id: string) {
  return db
    .selectFrom('rhetoric_statement as s')
    .innerJoin('app_user as u', 'u.id', 's.submitted_by')
    .select(['u.name', 'u.email'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function insertStatement(
  db: Db,
  values: {
    statedOn: string;
    country: string;
    speakerRole: string;
    medium: string;
    link: string | null;
    words: string;
    context: string;
    submittedBy: string | null;
  },
) {
  return db
    .insertInto('rhetoric_statement')
    .values({
      stated_on: values.statedOn,
      country_iso2: values.country,
      speaker_role: values.speakerRole,
      medium: values.medium,
      link: values.link,
      words: values.words,
      context: values.context,
      submitted_by: values.submittedBy,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
}

export function lockStatement(db: Db, id: string) {
  return db
    .selectFrom('rhetoric_statement')
    .select(['id', 'status', 'country_iso2', 'submitted_by'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateReview(
  db: Db,
  id: string,
  values: { status: 'verified' | 'rejected'; reviewedBy: string | null; reason: string | null },
) {
  return db
    .updateTable('rhetoric_statement')
    .set({
      status: values.status,
      reviewed_by: values.reviewedBy,
      reviewed_at: new Date(),
      rejection_reason: values.status === 'rejected' ? values.reason : null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The verified statements grouped by the four published dimensions at once. */
export function selectVerifiedGroups(db: Db) {
  return db
    .selectFrom('rhetoric_statement')
    .select([
      'country_iso2 as country',
      sql<string>`extract(year from stated_on)::int::text`.as('year'),
      'medium',
      'speaker_role',
      sql<string>`count(*)`.as('n'),
    ])
    .where('status', '=', 'verified')
    .groupBy(['country_iso2', sql`extract(year from stated_on)`, 'medium', 'speaker_role'])
    .execute();
}

/** Whether the code names a country of the reference data. */
export async function countryExists(db: Db, iso2: string): Promise<boolean> {
  return !!(await db.selectFrom('country').select('iso2').where('iso2', '=', iso2).executeTakeFirst());
}
