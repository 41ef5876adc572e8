import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { tableContents } from '../../test-support/contents.js';
import { testBackends } from '../../test-support/database.js';
import { clientMadeKey, testReportBody } from '../../test-support/incidents/fixtures.js';
import { openItem, publicKeyFromSpki, rewrapKey, unsealPrivateKey } from '../protected/crypto.js';
import type { ProtectedView } from '../protected/schemas.js';
import type { KeyStatus, RotationMaterial } from './schemas.js';

const FIRST = 'the first passphrase made in the browser';
const SECOND = 'the second passphrase after rotation';
const CONTACT = 'Noor, +49 151 2345678';

const sealedOf = (key: { sealedPrivateKey: string; salt: string; iv: string; iterations: number }) => ({
  sealed: Buffer.from(key.sealedPrivateKey, 'base64'),
  salt: Buffer.from(key.salt, 'base64'),
  iv: Buffer.from(key.iv, 'base64'),
  iterations: key.iterations,
});

describe.each(testBackends())('the organisation key made by the client on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { incidentRateLimit: false });
  });
  afterAll(() => t?.close());

  it('is created, used by the public form and replaced by the co-ordinator, never seeing a passphrase', async () => {
    const coordinator = await t.as('coordinator');
    const get = (url: string, persona: typeof coordinator | null = coordinator) => t.request(persona, { method: 'GET', url });
    const post = (url: string, payload: unknown, persona: typeof coordinator | null = coordinator) =>
      t.request(persona, { method: 'POST', url, payload: payload as object });

    // Before: no key, the form cannot receive reports, the co-ordinator is asked to create one.
    expect((await get('/api/incidents/key', null)).statusCode).toBe(401);
    expect((await get('/api/incidents/key', await t.as('incident_reviewer'))).statusCode).toBe(403);
    expect((await get('/api/incidents/key')).json()).toEqual({ key: null, sealedItems: 0, actions: ['create'] });
    expect((await get('/api/incidents/form', null)).json().key).toBeNull();
    expect((await get('/api/incidents/key/rotation')).statusCode).toBe(409);

    // Bad key material: a clear problem on the field, nothing stored.
    const first = await clientMadeKey(FIRST);
    expect((await post('/api/incidents/key', first, null)).statusCode).toBe(401);
    expect((await post('/api/incidents/key', first, await t.as('analyst'))).statusCode).toBe(403);
    expect((await post('/api/incidents/key', { ...first, iterations: 1000 })).statusCode).toBe(400);
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' });
    const weak = await post('/api/incidents/key', { ...first, publicKeySpki: small.toString('base64') });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ pointer: '/publicKeySpki' });
    const badIv = await post('/api/incidents/key', { ...first, iv: Buffer.alloc(12, 1).toString('base64').slice(0, 12) });
    expect(badIv.statusCode).toBe(400);
    expect((await get('/api/incidents/key')).json().key).toBeNull();

    const created = await post('/api/incidents/key', first);
    expect(created.statusCode, created.body).toBe(201);
    const status = created.json() as KeyStatus;
    expect(status).toMatchObject({ key: { iterations: first.iterations }, sealedItems: 0, actions: ['rotate'] });
    expect((await post('/api/incidents/key', first)).statusCode).toBe(409);

    // The public form now takes reports, sealed to the new key.
    const form = (await get('/api/incidents/form', null)).json();
    expect(form.key.keyId).toBe(status.key!.keyId);
    const report = await post('/api/incidents/reports', testReportBody({ contact: CONTACT, contactConsent: true }), null);
    expect(report.statusCode, report.body).toBe(201);

    // Rotation: the client fetches the sealed key and the wrapped keys, and wraps them again.
    expect((await get('/api/incidents/key/rotation', await t.as('incident_reviewer'))).statusCode).toBe(403);
    const material = (await get('/api/incidents/key/rotation')).json() as RotationMaterial;
    expect(material.items).toHaveLength(2);
    const oldPrivate = await unsealPrivateKey(sealedOf(material.key), FIRST);
    const second = await clientMadeKey(SECOND);
    const newPublic = publicKeyFromSpki(Buffer.from(second.publicKeySpki, 'base64'));
    const items = material.items.map((item) => ({
      id: item.id,
      wrappedKey: rewrapKey(oldPrivate, newPublic, Buffer.from(item.wrappedKey, 'base64')).toString('base64'),
    }));
    const body = { retiringKeyId: material.key.keyId, key: second, items };
    expect((await post('/api/incidents/key/rotation', body, null)).statusCode).toBe(401);
    expect((await post('/api/incidents/key/rotation', body, await t.as('incident_reviewer'))).statusCode).toBe(403);
    const missing = await post('/api/incidents/key/rotation', { ...body, items: items.slice(1) });
    expect(missing.statusCode).toBe(409);
    const short = await post('/api/incidents/key/rotation', {
      ...body,
      items: [{ ...items[0]!, wrappedKey: Buffer.alloc(256, 7).toString('base64') }, items[1]],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].pointer).toBe('/items/0/wrappedKey');
    const stale = await post('/api/incidents/key/rotation', { ...body, retiringKeyId: '00000000-0000-0000-0000-000000000000' });
    expect(stale.statusCode).toBe(409);
    expect((await get('/api/incidents/key')).json().key.keyId).toBe(material.key.keyId);

    const rotated = await post('/api/incidents/key/rotation', body);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json()).toMatchObject({ rewrapped: 2, status: { sealedItems: 2, actions: ['rotate'] } });
    expect((await post('/api/incidents/key/rotation', body)).statusCode).toBe(409);

    // A reviewer opens the report with the new passphrase; the old one opens nothing.
    const id = (await t.database.db.selectFrom('incident_report').select('id').executeTakeFirstOrThrow()).id;
    const view = (
      await t.request(await t.as('incident_reviewer'), {
        method: 'POST',
        url: `/api/incidents/reports/${id}/protected`,
        payload: { reason: 'Calling the reporter back.' },
      })
    ).json() as ProtectedView;
    await expect(unsealPrivateKey(sealedOf(view.key), FIRST)).rejects.toThrow();
    const key = await unsealPrivateKey(sealedOf(view.key), SECOND);
    const contact = view.items.find((i) => i.kind === 'contact')!;
    const opened = openItem(key, {
      wrappedKey: Buffer.from(contact.wrappedKey, 'base64'),
      payload: Buffer.from(contact.payload, 'base64'),
    });
    expect(opened.toString()).toBe(CONTACT);

    // Audited with the co-ordinator as actor; neither passphrase anywhere in the database.
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['verb', 'actor_id'])
      .where('verb', 'like', 'incident.key.%')
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { verb: 'incident.key.create', actor_id: coordinator.userId },
      { verb: 'incident.key.rotate', actor_id: coordinator.userId },
    ]);
    const dump = JSON.stringify(await tableContents(t.database.db));
    for (const secret of [FIRST, SECOND, 'Noor']) expect(dump).not.toContain(secret);
  });
});
