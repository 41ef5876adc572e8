import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testBackends } from '../test-support/database.js';
import { referenceDataHash, seedReferenceData } from './seed.js';

describe.each(testBackends())('loading the reference data at start on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database?.close());

  const state = () => database.db.selectFrom('reference_data_load').selectAll().executeTakeFirstOrThrow();
  const languageCount = async () =>
    Number((await database.db.selectFrom('language').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  it('remembers the hash of the files it loaded', async () => {
    expect((await state()).content_hash).toBe(referenceDataHash());
    expect(referenceDataHash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips the load on a later start while the files are unchanged: a deleted row stays deleted', async () => {
    const before = await state();
    const { code } = await database.db.selectFrom('language').select('code').orderBy('code', 'desc').executeTakeFirstOrThrow();
    await database.db.deleteFrom('language').where('code', '=', code).execute();
    const count = await languageCount();

    expect(await seedReferenceData(database.db)).toBe('unchanged');
    expect(await languageCount()).toBe(count);
    const after = await state();
    expect(after.loads).toBe(before.loads);
    expect(after.loaded_at).toEqual(before.loaded_at);
  });

  it('loads again when the files have changed, adding what is missing and keeping the new hash', async () => {
    const before = await state();
    const count = await languageCount();
    await database.db.updateTable('reference_data_load').set({ content_hash: 'from-an-earlier-release' }).execute();

    expect(await seedReferenceData(database.db)).toBe('loaded');
    expect(await languageCount()).toBe(count + 1);
    const after = await state();
    expect(after.content_hash).toBe(referenceDataHash());
    expect(after.loads).toBe(before.loads + 1);
    expect(await seedReferenceData(database.db)).toBe('unchanged');
  });

  it('loads whatever the hash says when forced, as the operator’s seed command does', async () => {
    const before = await state();
    expect(await seedReferenceData(database.db, { force: true })).toBe('loaded');
    expect((await state()).loads).toBe(before.loads + 1);
  });
});
