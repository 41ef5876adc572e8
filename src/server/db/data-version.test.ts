import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';
import { dataVersion, versionedCache } from './data-version.js';

describe.each(testBackends())('answers kept while their tables do not change, on %s', (backend) => {
  let database: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    [database, other] = await Promise.all([freshDatabase(backend), freshDatabase(backend)]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), other?.close()]);
  });

  it('computes again after any statement that changes one of the tables, and only then', async () => {
    const db = database.db;
    const cached = versionedCache<number>(['country', 'warning_observation'], 10);
    let runs = 0;
    const compute = async () => {
      runs++;
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from country where osce_status = 'participating'`.execute(db);
      return Number(rows[0]?.n);
    };
    const first = await cached(db, 'k', compute);
    expect(await cached(db, 'k', compute)).toBe(first);
    expect(runs).toBe(1);

    // A change to another table leaves the answer as it is.
    await sql`insert into app_user (email, name, language) values ('kept@example.org', 'Kept', 'en')`.execute(db);
    await cached(db, 'k', compute);
    expect(runs).toBe(1);

    // A change to one of its tables, even one that touches no row, makes it computed anew.
    const before = await dataVersion(db, ['country']);
    await sql`update country set osce_status = 'participating' where iso2 = 'ZZ'`.execute(db);
    expect(await dataVersion(db, ['country'])).not.toBe(before);
    await cached(db, 'k', compute);
    expect(runs).toBe(2);
    await sql`insert into country (iso2, iso3, osce_status, name_en, name_fr, name_de, name_it, name_ru, name_es)
              select 'XQ', 'XQQ', 'participating', n, n, n, n, n, n from (select 'Testland' as n) t`.execute(db);
    expect(await cached(db, 'k', compute)).toBe(first + 1);
    expect(runs).toBe(3);
  });

  it('shares a computation in progress, forgets a failed one, keeps the most recently used and keeps databases apart', async () => {
    const db = database.db;
    const cached = versionedCache<string>(['warning_observation'], 2);
    let runs = 0;
    const compute = (value: string) => async () => {
      runs++;
      return value;
    };
    const [a, b] = await Promise.all([cached(db, 'a', compute('A')), cached(db, 'a', compute('A2'))]);
    expect([a, b, runs]).toEqual(['A', 'A', 1]);

    await expect(cached(db, 'x', () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect(await cached(db, 'x', compute('X'))).toBe('X');

    // 'a' and 'x' kept; a third key pushes out the least recently used ('a').
    await cached(db, 'y', compute('Y'));
    runs = 0;
    expect(await cached(db, 'y', compute('Y?'))).toBe('Y');
    expect(await cached(db, 'a', compute('A3'))).toBe('A3');
    expect(runs).toBe(1);

    // Another database with the same counters has answers of its own.
    expect(await cached(other.db, 'y', compute('other'))).toBe('other');
  });
});
