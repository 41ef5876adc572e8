import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.js';
import { unsealPrivateKey } from '../server/incidents/protected/crypto.js';
import { ADMIN, ADMIN_ENV, call, signIn } from '../server/test-support/api-client.js';
import { freshCode } from '../server/test-support/second-factor.js';
import { assertBuilt, runCli, startServerProcess } from '../server/test-support/server-process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-incidents-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const OLD = 'the first organisation passphrase';
const NEW = 'the second organisation passphrase';

describe('crossroads incidents', () => {
  it('creates the key once, refuses a weak passphrase, rotates only with the old passphrase', { timeout: 300_000 }, async () => {
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

describe('crossroads incidents while the platform runs on the embedded database', () => {
  it('creates and rotates the key through the running server, which never sees a passphrase', { timeout: 300_000 }, async () => {
    assertBuilt();
    const running = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-incidents-server-'));
    const server = await startServerProcess({ DATA_DIR: running, ...ADMIN_ENV });
    try {
      const env = { DATA_DIR: running, PORT: String(server.port) };
      await signIn(server.port); // the co-ordinator enrols their authenticator, as they would in the browser
      const anonymous = await runCli(['incidents', 'keygen'], { ...env, CROSSROADS_INCIDENT_PASSPHRASE: OLD });
      expect(anonymous.code).toBe(2);
      expect(anonymous.stderr).toContain('CROSSROADS_EMAIL');

      const created = await runCli(['incidents', 'keygen'], {
        ...env,
        ...ADMIN_ENV,
        CROSSROADS_CODE: await freshCode(ADMIN.email),
        CROSSROADS_INCIDENT_PASSPHRASE: OLD,
      });
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain(`through the server at http://127.0.0.1:${server.port}`);
      const again = await runCli(['incidents', 'keygen'], {
        ...env,
        ...ADMIN_ENV,
        CROSSROADS_CODE: await freshCode(ADMIN.email),
        CROSSROADS_INCIDENT_PASSPHRASE: OLD,
      });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('rotate-key');
      const form = await call({ port: server.port }, 'GET', '/api/incidents/form');
      expect((form.body as { key: unknown }).key).not.toBeNull();

      const wrong = await runCli(['incidents', 'rotate-key'], {
        ...env,
        ...ADMIN_ENV,
        CROSSROADS_CODE: await freshCode(ADMIN.email),
        CROSSROADS_INCIDENT_PASSPHRASE_OLD: 'not the right passphrase at all',
        CROSSROADS_INCIDENT_PASSPHRASE_NEW: NEW,
      });
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('does not open');
      const rotated = await runCli(['incidents', 'rotate-key'], {
        ...env,
        ...ADMIN_ENV,
        CROSSROADS_CODE: await freshCode(ADMIN.email),
        CROSSROADS_INCIDENT_PASSPHRASE_OLD: OLD,
        CROSSROADS_INCIDENT_PASSPHRASE_NEW: NEW,
      });
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stdout).toContain('the old key is retired');

      const material = await call(await signIn(server.port), 'GET', '/api/incidents/key/rotation');
      const key = (material.body as { key: { sealedPrivateKey: string; salt: string; iv: string; iterations: number } }).key;
      const sealed = {
        sealed: Buffer.from(key.sealedPrivateKey, 'base64'),
        salt: Buffer.from(key.salt, 'base64'),
        iv: Buffer.from(key.iv, 'base64'),
        iterations: key.iterations,
      };
      await expect(unsealPrivateKey(sealed, NEW)).resolves.toBeDefined();
      await expect(unsealPrivateKey(sealed, OLD)).rejects.toThrow();
    } finally {
      await server.stop();
      fs.rmSync(running, { recursive: true, force: true });
    }
  });
});
