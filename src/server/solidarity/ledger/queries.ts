import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SolidarityPledgeTable, SolidarityRelocationTable } from '../tables.js';

type PledgeValues = Omit<Insertable<SolidarityPledgeTable>, 'id' | 'created_at' | 'updated_at' | 'revision' | 'created_by'>;
type RelocationValues = Omit<
  Insertable<SolidarityRelocationTable>,
  'id' | 'created_at' | 'updated_at' | 'revision' | 'created_by'
>;

export function selectPledges(db: Kysely<DB>, filter: { ids?: string[]; country?: string; type?: string; status?: string }) {
  let select = db
    .selectFrom('solidarity_pledge as p')
    .innerJoin('country as c', 'c.iso2', 'p.country_iso2')
    .leftJoin('app_user as u', 'u.id', 'p.updated_by')
    .selectAll('p')
    .select([
      'c.name_en as country_name',
      'u.name as updated_by_name',
      (eb) =>
        eb
          .selectFrom('solidarity_relocation as r')
          .select(sql<number>`coalesce(sum(r.persons), 0)::int`.as('n'))
          .whereRef('r.pledge_id', '=', 'p.id')
          .as('delivered'),
    ]);
  if (filter.ids)
    select = select.where('p.id', 'in', filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.country) select = select.where('p.country_iso2', '=', filter.country);
  if (filter.type) select = select.where('p.type', '=', filter.type);
  if (filter.status) select = select.where('p.status', '=', filter.status);
  return select.orderBy('c.name_en').orderBy('p.pledged_on').orderBy('p.id').execute();
}
export type PledgeRow = Awaited<ReturnType<typeof selectPledges>>[number];

export function selectPledgeForUpdate(db: Kysely<DB>, id: string) {
  return db.selectFrom('solidarity_pledge').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertPledge(db: Kysely<DB>, values: PledgeValues & { created_by: string | null; id?: string }) {
  return db
    .insertInto('solidarity_pledge')
    .values({ ...values, revision: 1, updated_at: new Date() })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updatePledge(db: Kysely<DB>, id: string, values: Partial<PledgeValues>, revision: number) {
  return db
    .updateTable('solidarity_pledge')
    .set({ ...values, revision, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function selectRelocations(db: Kysely<DB>, filter: { ids?: string[]; country?: string; from?: string }) {
  let select = db
    .selectFrom('solidarity_relocation as r')
    .innerJoin('country as c', 'c.iso2', 'r.country_iso2')
    .innerJoin('country as f', 'f.iso2', 'r.from_iso2')
    .leftJoin('app_user as u', 'u.id', 'r.updated_by')
    .selectAll('r')
    .select(['c.name_en as country_name', 'f.name_en as from_name', 'u.name as updated_by_name']);
  if (filter.ids)
    select = select.where('r.id', 'in', filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.country) select = select.where('r.country_iso2', '=', filter.country);
  if (filter.from) select = select.where('r.from_iso2', '=', filter.from);
  return select.orderBy('r.period', 'desc').orderBy('c.name_en').orderBy('r.id').execute();
}
export type RelocationRow = Awaited<ReturnType<typeof selectRelocations>>[number];

export function selectRelocationForUpdate(db: Kysely<DB>, id: string) {
  return db.selectFrom('solidarity_relocation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertRelocation(db: Kysely<DB>, values: RelocationValues & { created_by: string | null; id?: string }) {
  return db
    .insertInto('solidarity_relocation')
    .values({ ...values, revision: 1, updated_at: new Date() })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateRelocation(db: Kysely<DB>, id: string, values: Partial<RelocationValues>, revision: number) {
  return db
    .updateTable('solidarity_relocation')
    .set({ ...values, revision, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

type RevisionTable = 'solidarity_pledge_revision' | 'solidarity_relocation_revision';

export function insertRevision(
  db: Kysely<DB>,
  table: RevisionTable,
  values: { entryId: string; revision: number; action: 'create' | 'update'; actorId: string | null; snapshot: object },
) {
  return db
    .insertInto(table)
    .values({
      entry_id: values.entryId,
      revision: values.revision,
      action: values.action,
      changed_by: values.actorId,
      snapshot: JSON.stringify(values.snapshot),
    })
    .execute();
}

export function selectRevisions(db: Kysely<DB>, table: RevisionTable, entryId: string) {
  return db
    .selectFrom(`${table} as h`)
    .leftJoin('app_user as u', 'u.id', 'h.changed_by')
    .select(['h.revision', 'h.action', 'h.changed_at', 'h.changed_by', 'h.snapshot', 'u.name as changed_by_name'])
    .where('h.entry_id', '=', entryId)
    .orderBy('h.revision')
    .execute();
}

/** Per State: pledged quantities by type (withdrawn pledges excluded) and persons relocated. */
export function selectLedgerTotals(db: Kysely<DB>, from?: string) {
  let pledges = db
    .selectFrom('solidarity_pledge')
    .select(['country_iso2', 'type', 'currency', sql<string>`sum(quantity)`.as('quantity')])
    .where('status', '<>', 'withdrawn')
    .groupBy(['country_iso2', 'type', 'currency']);
  if (from) pledges = pledges.where((eb) => eb.or([eb('beneficiary_iso2', '=', from), eb('beneficiary_iso2', 'is', null)]));
  let relocations = db
    .selectFrom('solidarity_relocation')
    .select(['country_iso2', sql<number>`sum(persons)::int`.as('persons')])
    .groupBy('country_iso2');
  if (from) relocations = relocations.where('from_iso2', '=', from);
  return Promise.all([pledges.execute(), relocations.execute()]);
}
