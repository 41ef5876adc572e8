import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test-support/database.js';
import { TEST_ITERATIONS } from '../../test-support/incidents/fixtures.js';
import { unsealPrivateKey } from './crypto.js';
import { DEMO_PASSPHRASE, ensureDemoKey } from './demo-key.js';
import { rotateIncidentKey } from './keys.js';

describe('the demonstration’s organisation key', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database?.close());

  it('is created with a passphrase printed at start-up, once, and no longer printed once replaced', {
    timeout: 120_000,
  }, async () => {
    const db = database.db;
    const lines = await ensureDemoKey(db);
    expect(lines.join('\n')).toContain(DEMO_PASSPHRASE);
    const keys = await db.selectFrom('incident_key').selectAll().execute();
    expect(keys).toHaveLength(1);
    const key = keys[0]!;
    const sealed = { sealed: key.sealed_private_key!, salt: key.kdf_salt!, iv: key.seal_iv!, iterations: key.kdf_iterations! };
    await expect(unsealPrivateKey(sealed, DEMO_PASSPHRASE)).resolves.toBeDefined();

    // A second start keeps the key and says the passphrase again.
    expect(await ensureDemoKey(db)).toEqual(lines);
    expect(await db.selectFrom('incident_key').select('id').execute()).toHaveLength(1);

    // Replaced by the organisation: the demonstration's passphrase is no longer printed.
    await rotateIncidentKey(db, DEMO_PASSPHRASE, 'the organisation’s own passphrase', TEST_ITERATIONS);
    expect(await ensureDemoKey(db)).toEqual([]);
  });
});
