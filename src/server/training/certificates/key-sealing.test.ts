import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../app.js';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestNomination, insertTestSession } from '../../test-support/training/fixtures.js';
import { isPlainKey, openPrivateKey, sealingKeyFilePath, sealPrivateKey, sealStoredSigningKey } from './key-sealing.js';
import { signingKeys } from './keys.js';
import { verifyPdf } from './signature.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-training-key-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const pemOf = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicOf = (pem: string) => createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString();

describe('sealing the certificate signing key', () => {
  it('seals under the configured key, opens only under it, and reads a key kept in the clear as it is', () => {
    const config = { trainingSealingKey: 'k'.repeat(40), dataDir: 'memory://' };
    const pem = pemOf();
    const sealed = sealPrivateKey(config, pem);
    expect(sealed).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealPrivateKey(config, pem)).not.toBe(sealed);
    expect(openPrivateKey(config, sealed)).toBe(pem);
    expect(() => openPrivateKey({ ...config, trainingSealingKey: 'x'.repeat(40) }, sealed)).toThrow(/cannot be opened/);
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => openPrivateKey(config, flipped)).toThrow();
    expect(isPlainKey(pem)).toBe(true);
    expect(openPrivateKey(config, pem)).toBe(pem);
  });

  it('keeps the sealing key in a file of the data directory, readable by its owner only, when none is configured', () => {
    const dataDir = path.join(scratch, 'file-key');
    const sealed = sealPrivateKey({ trainingSealingKey: undefined, dataDir }, 'secret pem');
    const file = sealingKeyFilePath(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Read again from the file, as by the next process.
    expect(openPrivateKey({ trainingSealingKey: undefined, dataDir }, sealed)).toBe('secret pem');
    expect(() => openPrivateKey({ trainingSealingKey: 'z'.repeat(40), dataDir }, sealed)).toThrow();
  });
});

describe.each(testBackends())('the stored signing key on %s', (backend) => {
  const dataDir = path.join(scratch, backend);
  let t: TestApp;
  let focal: Persona;
  beforeAll(async () => {
    t = await testApp(backend, { dataDir, trainingSigningKey: undefined, trainingSealingKey: undefined });
    focal = await t.as('focal_point');
  });
  afterAll(() => t?.close());

  const storedKey = async () =>
    (await t.database.db.selectFrom('training_signing_key').selectAll().where('id', '=', 1).executeTakeFirstOrThrow())
      .private_pem;

  it('is not the key in the database, and certificates still verify after a restart', async () => {
    const session = await insertTestSession(t.database.db);
    const participant = await t.user({});
    const nomination = await insertTestNomination(t.database.db, session, {
      status: 'selected',
      userId: participant.userId,
      name: 'Jana Novak',
    });
    await t.request(focal, {
      method: 'PUT',
      url: `/api/training/sessions/${session}/attendance`,
      payload: { entries: ['2027-03-01', '2027-03-02'].map((day) => ({ nominationId: nomination, day, present: true })) },
    });
    const done = await t.request(focal, {
      method: 'POST',
      url: `/api/training/nominations/${nomination}/completion`,
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(201);
    const code = done.json().certificateCode as string;
    const publicKey = (await t.request(null, { method: 'GET', url: '/api/training/public-key' })).json().publicKeyPem as string;

    // What the database holds is sealed: no PEM, nothing a copy of the database could sign with.
    const stored = await storedKey();
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain('PRIVATE KEY');
    expect(() => createPrivateKey(stored)).toThrow();
    expect(fs.existsSync(sealingKeyFilePath(dataDir))).toBe(true);

    // A restart: a new server on the same database and data directory reads the same key.
    const restarted = await build({ ...t.config, dataDir }, t.database);
    try {
      const check = await restarted.inject({ method: 'GET', url: `/api/training/verify/${code}` });
      expect(check.json()).toMatchObject({ status: 'valid', signatureValid: true, participant: 'Jana Novak' });
      const again = (await restarted.inject({ method: 'GET', url: '/api/training/public-key' })).json().publicKeyPem;
      expect(again).toBe(publicKey);
      const pdf = await t.request(participant, { method: 'GET', url: `/api/training/certificates/${code}/pdf` });
      expect(verifyPdf(pdf.rawPayload, publicKey)).toMatchObject({ valid: true, payload: { participant: 'Jana Novak' } });
    } finally {
      await restarted.close();
    }
    expect(await storedKey()).toBe(stored);
  });

  it('seals a key kept in the clear before sealing existed, at start, and signs with the same key', async () => {
    const pem = pemOf();
    await t.database.db.deleteFrom('training_signing_key').execute();
    await t.database.db
      .insertInto('training_signing_key')
      .values({ id: 1, private_pem: pem, public_pem: publicOf(pem) })
      .execute();
    const config = { trainingSigningKey: undefined, trainingSealingKey: undefined, dataDir };
    // Read as it is until sealed.
    expect((await signingKeys(t.database.db, config)).publicPem).toBe(publicOf(pem));
    expect(await sealStoredSigningKey(t.database.db, config)).toBe(true);
    const stored = await storedKey();
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain(pem.split('\n')[1]);
    expect(await sealStoredSigningKey(t.database.db, config)).toBe(false);
    const keys = await signingKeys(t.database.db, config);
    expect(keys.publicPem).toBe(publicOf(pem));
    expect(createPublicKey(keys.privateKey).export({ type: 'spki', format: 'pem' }).toString()).toBe(publicOf(pem));
  });
});
