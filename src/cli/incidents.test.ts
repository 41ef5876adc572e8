import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.js';
import { unsealPrivateKey } from '../server/incidents/protected/crypto.js';
import { assertBuilt, runCli } from '../server/test-support/server-process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-incidents-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const OLD = 'the first organisation passphrase';
const NEW = 'the second organisation passphrase';

describe('crossroads incidents', () => {
  it('creates the key once, refuses a weak passphrase, rotates only with the old passphrase', { timeout: 180_000 }, async () => {
    assertBuilt();
    const weak = await runCli(['incidents', 'keygen'], { DATA_DIR: dataDir, CROSSROADS_INCIDENT_PASSPHRASE: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('at least 16 characters');

    const created = await runCli(['incidents', 'keygen'], { DATA_DIR: dataDir, CROSSROADS_INCIDENT_PASSPHRASE: OLD });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created the incident key');
    const again = await runCli(['incidents', 'keygen'], { DATA_DIR: dataDir, CROSSROADS_INCIDENT_PASSPHRASE: OLD });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('rotate-key');

    const wrong = await runCli(['incidents', 'rotate-key'], {
      DATA_DIR: dataDir,
      CROSSROADS_INCIDENT_PASSPHRASE_OLD: 'not the right passphrase at all',
      CROSSROADS_INCIDENT_PASSPHRASE_NEW: NEW,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('does not open');
    const rotated = await runCli(['incidents', 'rotate-key'], {
      DATA_DIR: dataDir,
      CROSSROADS_INCIDENT_PASSPHRASE_OLD: OLD,
      CROSSROADS_INCIDENT_PASSPHRASE_NEW: NEW,
    });
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('the old key is retired');

    const retention = await runCli(['incidents', 'delete-expired-contacts', '--days', '30'], { DATA_DIR: dataDir });
    expect(retention.stdout).toContain('Deleted the contact details of 0 closed case(s).');

    // Neither passphrase is anywhere in the database; the active key opens with the new one only.
    const database = await openDatabase({ dataDir });
    try {
      const keys = await database.db.selectFrom('incident_key').selectAll().orderBy('created_at').execute();
      expect(keys.map((k) => k.retired_at === null)).toEqual([false, true]);
      const active = keys[1]!;
      const sealed = {
        sealed: active.sealed_private_key!,
        salt: active.kdf_salt!,
        iv: active.seal_iv!,
        iterations: active.kdf_iterations!,
      };
      await expect(unsealPrivateKey(sealed, OLD)).rejects.toThrow();
      await expect(unsealPrivateKey(sealed, NEW)).resolves.toBeDefined();
      const audit = await database.db
        .selectFrom('audit_log')
        .select('verb')
        .where('verb', 'like', 'incident.key.%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.verb)).toEqual(['incident.key.create', 'incident.key.rotate']);
    } finally {
      await database.close();
    }
    const files = fs.readdirSync(dataDir, { recursive: true }) as string[];
    for (const file of files) {
      const full = path.join(dataDir, file);
      if (fs.statSync(full).isFile()) {
        const bytes = fs.readFileSync(full);
        expect(bytes.includes(Buffer.from(OLD)) || bytes.includes(Buffer.from(NEW)), file).toBe(false);
      }
    }
  });
});
