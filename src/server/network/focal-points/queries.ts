import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { currentMember } from '../membership.js';
import type { NetworkFocalPointTable } from '../tables.js';

const columns = [
  'f.id',
  'f.country_iso2',
  'f.user_id',
  'u.name',
  'u.email',
  'f.agency',
  'f.function',
  'f.expertise',
  'f.languages',
  'f.status',
  'f.nominated_at',
  'f.confirmed_at',
  'f.expires_on',
] as const;

export type FocalPointRow = Awaited<ReturnType<typeof selectFocalPoints>>[number];

/** Focal points, with their account's name and address; `current` keeps the current members only. */
export function selectFocalPoints(
  db: Kysely<DB>,
  filter: { ids?: string[]; country?: string; current?: boolean; words?: string[]; limit?: number; offset?: number },
) {
  let query = db
    .selectFrom('network_focal_point as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .select(columns)
    .select([
      sql<boolean>`${currentMember('f')}`.as('member'),
      sql<string>`to_char(f.expires_on, 'YYYY-MM-DD')`.as('expires_day'),
    ]);
  if (filter.ids)
    query = query.where('f.id', 'in', filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.country) query = query.where('f.country_iso2', '=', filter.country);
  if (filter.current) query = query.where(currentMember('f'));
  for (const word of filter.words ?? []) {
    const like = `%${word.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where(
      sql<boolean>`directory_fold(u.name || ' ' || f.agency || ' ' || f.function || ' ' || f.expertise) like directory_fold(${like})`,
    );
  }
  return query
    .orderBy('f.country_iso2')
    .orderBy('u.name')
    .orderBy('f.id')
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function countFocalPoints(db: Kysely<DB>, filter: { country?: string; current?: boolean; words?: string[] }) {
  let query = db
    .selectFrom('network_focal_point as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.country) query = query.where('f.country_iso2', '=', filter.country);
  if (filter.current) query = query.where(currentMember('f'));
  for (const word of filter.words ?? []) {
    const like = `%${word.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where(
      sql<boolean>`directory_fold(u.name || ' ' || f.agency || ' ' || f.function || ' ' || f.expertise) like directory_fold(${like})`,
    );
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export function selectUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('app_user').select(['id', 'name']).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function selectCountry(db: Kysely<DB>, iso2: string) {
  return db.selectFrom('country').select(['iso2', 'osce_status']).where('iso2', '=', iso2).executeTakeFirst();
}

export function insertFocalPoint(db: Kysely<DB>, values: Insertable<NetworkFocalPointTable>) {
  return db.insertInto('network_focal_point').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Moves a focal point from one status to another; nothing when it is not in `from` any more. */
export function updateFocalPoint(
  db: Kysely<DB>,
  id: string,
  from: Array<'nominated' | 'confirmed' | 'withdrawn'>,
  set: { status?: 'confirmed' | 'withdrawn'; confirmed_by?: string; renew?: boolean },
) {
  return db
    .updateTable('network_focal_point')
    .set({
      ...(set.status ? { status: set.status } : {}),
      ...(set.status === 'confirmed' ? { confirmed_at: new Date(), confirmed_by: set.confirmed_by ?? null } : {}),
      // A membership runs two years from its confirmation or renewal.
      ...(set.renew ? { expires_on: sql<string>`(current_date + interval '2 years')::date` } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(['id', 'country_iso2', 'user_id'])
    .executeTakeFirst();
}

/** The States in which the user is a current member. */
export async function selectMemberCountries(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('network_focal_point as f')
    .select('f.country_iso2')
    .where('f.user_id', '=', userId)
    .where(currentMember('f'))
    .execute();
  return rows.map((r) => r.country_iso2);
}
