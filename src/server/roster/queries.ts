import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RosterQuery } from './schemas.js';

type Db = Kysely<DB>;

/** Whether expert `e` is free for the whole of [from, to]: inside a declared window if any, not unavailable, not deployed. */
export function freeBetween(from: string, to: string) {
  return sql<boolean>`(
    not exists (select 1 from expert_period p where p.expert_id = e.id and p.kind = 'unavailable'
                and p.starts_on <= ${to}::date and p.ends_on >= ${from}::date)
    and not exists (select 1 from deployment d where d.expert_id = e.id
                and d.starts_on <= ${to}::date and d.ends_on >= ${from}::date)
    and (not exists (select 1 from expert_period p where p.expert_id = e.id and p.kind = 'available')
         or exists (select 1 from expert_period p where p.expert_id = e.id and p.kind = 'available'
                and p.starts_on <= ${from}::date and p.ends_on >= ${to}::date)))`;
}

// biome-ignore lint/suspicious/noExplicitAny: the filter applies to any selection from `expert as e`
function filtered<O>(select: SelectQueryBuilder<DB & { e: DB['expert'] }, 'e', O>, query: RosterQuery): any {
  let s = select;
  if (query.q) s = s.where('e.name', 'ilike', `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
  if (query.organisationId) s = s.where('e.organisation_id', '=', query.organisationId);
  if (query.readiness) s = s.where('e.readiness', '=', query.readiness);
  if (query.nationality) {
    s = s.where(
      sql<boolean>`exists (select 1 from expert_nationality n where n.expert_id = e.id and n.country_iso2 = ${query.nationality})`,
    );
  }
  if (query.competence) {
    s = s.where(
      sql<boolean>`exists (select 1 from expert_competence c where c.expert_id = e.id
                   and c.competence_code = ${query.competence} and c.level >= ${query.minLevel ?? 1})`,
    );
  }
  if (query.language) {
    const min = query.minLanguageLevel ?? 'A1';
    s = s.where(
      sql<boolean>`exists (select 1 from expert_language l where l.expert_id = e.id and l.language_code = ${query.language}
                   and l.speaking >= ${min})`,
    );
  }
  if (query.from || query.to) s = s.where(freeBetween(query.from ?? query.to!, query.to ?? query.from!));
  return s;
}

/** One page of matching expert ids, the total, and counts by organisation, readiness and gender. */
export async function searchExperts(db: Db, query: RosterQuery) {
  const base = () => db.selectFrom('expert as e');
  const page: Array<{ id: string; total: number }> = await filtered(
    base().select(['e.id', sql<number>`count(*) over ()`.as('total')]),
    query,
  )
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute();
  const counts = async (column: 'e.organisation_id' | 'e.readiness' | 'e.gender') =>
    (await filtered(
      base().select([sql<string>`${sql.ref(column)}::text`.as('key'), sql<number>`count(*)::int`.as('count')]),
      query,
    )
      .groupBy(column)
      .orderBy(sql`count(*)`, 'desc')
      .execute()) as Array<{ key: string; count: number }>;
  const total =
    page[0]?.total ??
    (query.offset
      ? Number((await filtered(base().select(sql<number>`count(*)::int`.as('n')), query).executeTakeFirst())?.n ?? 0)
      : 0);
  return {
    ids: page.map((r) => r.id),
    total: Number(total),
    organisation: await counts('e.organisation_id'),
    readiness: await counts('e.readiness'),
    gender: await counts('e.gender'),
  };
}

export function selectExperts(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('expert as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.name',
      'e.user_id',
      'u.email as account_email',
      'u.name as account_name',
      'e.organisation_id',
      'o.code as organisation_code',
      'o.name_en as organisation_name',
      'e.seconding_iso2',
      'e.gender',
      'e.readiness',
      'e.yearly_cap_days',
    ])
    .where('e.id', 'in', ids)
    .execute();
}

export type ExpertRow = Awaited<ReturnType<typeof selectExperts>>[number];

/** The lists of a set of experts, each in one query. */
export async function selectExpertLists(db: Db, ids: readonly string[]) {
  if (ids.length === 0)
    return { nationalities: [], competences: [], languages: [], periods: [], prerequisites: [], deployments: [] };
  const [nationalities, competences, languages, periods, prerequisites, deployments] = await Promise.all([
    db.selectFrom('expert_nationality').selectAll().where('expert_id', 'in', ids).orderBy('country_iso2').execute(),
    db.selectFrom('expert_competence').selectAll().where('expert_id', 'in', ids).orderBy('competence_code').execute(),
    db.selectFrom('expert_language').selectAll().where('expert_id', 'in', ids).orderBy('language_code').execute(),
    db.selectFrom('expert_period').selectAll().where('expert_id', 'in', ids).orderBy('starts_on').execute(),
    db.selectFrom('expert_prerequisite').selectAll().where('expert_id', 'in', ids).orderBy('code').execute(),
    db.selectFrom('deployment').selectAll().where('expert_id', 'in', ids).orderBy('starts_on', 'desc').execute(),
  ]);
  return { nationalities, competences, languages, periods, prerequisites, deployments };
}

export function selectExpertByUser(db: Db, userId: string) {
  return db.selectFrom('expert').select(['id']).where('user_id', '=', userId).executeTakeFirst();
}

export function selectExpertOwnership(db: Db, id: string) {
  return db
    .selectFrom('expert')
    .select(['id', 'user_id', 'organisation_id', 'seconding_iso2'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertExpert(
  db: Db,
  values: {
    user_id: string | null;
    name: string;
    organisation_id: string;
    seconding_iso2: string | null;
    gender: DB['expert']['gender'];
    readiness: DB['expert']['readiness'];
    yearly_cap_days: number;
  },
) {
  return db.insertInto('expert').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateExpert(
  db: Db,
  id: string,
  values: Partial<{
    name: string;
    seconding_iso2: string | null;
    gender: DB['expert']['gender'];
    readiness: DB['expert']['readiness'];
    yearly_cap_days: number;
  }>,
) {
  return db
    .updateTable('expert')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export interface ExpertLists {
  nationalities?: string[];
  competences?: Array<{ code: string; level: number }>;
  languages?: Array<{ code: string; speaking: string; writing: string }>;
  periods?: Array<{ kind: 'available' | 'unavailable'; startsOn: string; endsOn: string; note?: string }>;
  prerequisites?: Array<{ code: string; expiresOn: string | null }>;
}

/** Replaces each list that is given. */
export async function replaceExpertLists(db: Db, expertId: string, lists: ExpertLists) {
  if (lists.nationalities) {
    await db.deleteFrom('expert_nationality').where('expert_id', '=', expertId).execute();
    if (lists.nationalities.length > 0) {
      await db
        .insertInto('expert_nationality')
        .values(lists.nationalities.map((c) => ({ expert_id: expertId, country_iso2: c })))
        .execute();
    }
  }
  if (lists.competences) {
    await db.deleteFrom('expert_competence').where('expert_id', '=', expertId).execute();
    if (lists.competences.length > 0) {
      await db
        .insertInto('expert_competence')
        .values(lists.competences.map((c) => ({ expert_id: expertId, competence_code: c.code, level: c.level })))
        .execute();
    }
  }
  if (lists.languages) {
    await db.deleteFrom('expert_language').where('expert_id', '=', expertId).execute();
    if (lists.languages.length > 0) {
      await db
        .insertInto('expert_language')
        .values(
          lists.languages.map((l) => ({ expert_id: expertId, language_code: l.code, speaking: l.speaking, writing: l.writing })),
        )
        .execute();
    }
  }
  if (lists.periods) {
    await db.deleteFrom('expert_period').where('expert_id', '=', expertId).execute();
    if (lists.periods.length > 0) {
      await db
        .insertInto('expert_period')
        .values(
          lists.periods.map((p) => ({
            expert_id: expertId,
            kind: p.kind,
            starts_on: p.startsOn,
            ends_on: p.endsOn,
            note: p.note ?? '',
          })),
        )
        .execute();
    }
  }
  if (lists.prerequisites) {
    await db.deleteFrom('expert_prerequisite').where('expert_id', '=', expertId).execute();
    if (lists.prerequisites.length > 0) {
      await db
        .insertInto('expert_prerequisite')
        .values(lists.prerequisites.map((p) => ({ expert_id: expertId, code: p.code, expires_on: p.expiresOn })))
        .execute();
    }
  }
}

export function selectOrganisationNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisation').select(['id', 'name_en']).where('id', 'in', ids).execute();
}
