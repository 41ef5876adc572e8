import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../db/migrate.js';
import { seedReferenceData } from '../../reference/seed.js';
import { freshDatabase, type TestDatabase, testBackends } from '../../test-support/database.js';
import { importShipped } from '../seed.js';

const MIGRATION = '20261204030819_warning_application_types';

// A database that imported the UNHCR applications table before application types were kept apart.
describe.each(testBackends())('upgrading imported asylum applications on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend, { migrate: false });
    const all = readMigrations();
    await migrate(
      database.db,
      all.filter((m) => m.name < MIGRATION),
    );
    await seedReferenceData(database.db);
    const db = database.db;
    const { id: batch } = await db
      .insertInto('warning_import_batch')
      .values({
        source: 'UNHCR Refugee Data Finder',
        format: 'unhcr_applications',
        file_sha256: '-',
        row_count: 1,
        inserted: 1,
        updated: 0,
        unchanged: 0,
        skipped: 0,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into warning_observation (indicator_id, country_iso2, period, value, batch_id)
      select id, 'DE', date '2015-01-01', 476630, ${batch} from warning_indicator where code = 'new_asylum_applications'`.execute(
      db,
    );
    await migrate(db, all);
  });
  afterAll(() => database?.close());

  it('moves the summed values to an indicator that says what they count, and the next import fills new applications', async () => {
    const db = database.db;
    const series = (code: string) =>
      sql<{ value: number; method: string }>`
        select o.value, b.method from warning_observation o
        join warning_indicator i on i.id = o.indicator_id join warning_import_batch b on b.id = o.batch_id
        where i.code = ${code} and o.country_iso2 = 'DE' and o.period = date '2015-01-01'`
        .execute(db)
        .then((r) => r.rows);
    expect(await series('new_asylum_applications')).toEqual([]);
    const [old] = await series('asylum_applications_all_types');
    expect(Number(old?.value)).toBe(476630);
    expect(old?.method).toMatch(/moved to asylum_applications_all_types/);

    await importShipped(db, 'unhcr_asylum_applications_by_asylum_country.csv.gz');
    expect((await series('new_asylum_applications')).map((r) => Number(r.value))).toEqual([441898]);
    expect((await series('repeat_asylum_applications')).map((r) => Number(r.value))).toEqual([34732]);
  });
});
