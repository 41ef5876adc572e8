import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { type TestApp, testApp } from '../../test-support/app.js';
import { tableContents } from '../../test-support/contents.js';
import { testBackends } from '../../test-support/database.js';
import { ensureTestKey, TEST_PASSPHRASE, testReportBody } from '../../test-support/incidents/fixtures.js';
import { CAMERA, GPS_TEXT, jpegWithGps, pngWithMetadata } from '../../test-support/incidents/test-photos.js';
import { openItem, publicKeyFromSpki, unsealPrivateKey } from './crypto.js';
import type { ProtectedView } from './schemas.js';

const CONTACT = 'Amira Haddad, +43 660 1234567, amira.h@example.net';
const DESCRIPTION = 'Amira Haddad was pushed to the ground near the Jakomini shelter by a man called Kurt B.';

/** What a reviewer's browser does: open the sealed key with the passphrase, then each item. */
async function openAll(view: ProtectedView, passphrase: string) {
  const privateKey = await unsealPrivateKey(
    {
      sealed: Buffer.from(view.key.sealedPrivateKey, 'base64'),
      salt: Buffer.from(view.key.salt, 'base64'),
      iv: Buffer.from(view.key.iv, 'base64'),
      iterations: view.key.iterations,
    },
    passphrase,
  );
  return view.items.map((item) => ({
    kind: item.kind,
    mediaType: item.mediaType,
    bytes: openItem(privateKey, {
      wrappedKey: Buffer.from(item.wrappedKey, 'base64'),
      payload: Buffer.from(item.payload, 'base64'),
    }),
  }));
}

/** Encrypts as src/web/incidents/crypto.ts does in the browser (AES-256-GCM, key wrapped with RSA-OAEP-SHA256). */
function browserSeal(spki: string, text: string) {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt(
    { key: publicKeyFromSpki(Buffer.from(spki, 'base64')), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    key,
  );
  return { wrappedKey: wrapped.toString('base64'), payload: Buffer.concat([iv, body]).toString('base64') };
}

describe.each(testBackends())('hate incident protected data on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { incidentRateLimit: false });
    await ensureTestKey(t.database.db);
  });
  afterAll(() => t?.close());

  const submit = (payload: Record<string, unknown>) =>
    t.request(null, { method: 'POST', url: '/api/incidents/reports', payload });
  const latestId = async () =>
    (
      await t.database.db
        .selectFrom('incident_report')
        .select('id')
        .orderBy('received_at', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
  const fetchProtected = async (id: string, reason = 'Verifying with the witness.') => {
    const response = await t.request(await t.as('incident_reviewer'), {
      method: 'POST',
      url: `/api/incidents/reports/${id}/protected`,
      payload: { reason },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProtectedView;
  };

  it('stores contact, description and photos only encrypted; the server cannot open them without the passphrase', async () => {
    const photo = jpegWithGps();
    const response = await submit(
      testReportBody({
        description: DESCRIPTION,
        contact: CONTACT,
        contactConsent: true,
        photos: [{ mediaType: 'image/jpeg', data: photo.toString('base64') }],
        point: { latitude: 47.0612345, longitude: 15.4456789 },
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const { receipt } = response.json() as { receipt: string };
    expect(receipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    // Everything the database holds, every table, every column, as text.
    const dump = JSON.stringify(await tableContents(t.database.db));
    for (const secret of ['Amira', 'Haddad', '660 1234567', 'amira.h@example.net', 'Kurt B', 'Jakomini', receipt]) {
      expect(dump).not.toContain(secret);
    }
    const id = await latestId();
    const point = await t.database.db
      .selectFrom('incident_report')
      .select(['latitude', 'longitude'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(point).toEqual({ latitude: '47.06', longitude: '15.45' });

    // What the server holds (database, configuration, environment) but not the passphrase.
    const key = await t.database.db
      .selectFrom('incident_key')
      .selectAll()
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    const sealed = { sealed: key.sealed_private_key!, salt: key.kdf_salt!, iv: key.seal_iv!, iterations: key.kdf_iterations! };
    const serverKnows = [JSON.stringify(t.config), JSON.stringify(loadConfig()), JSON.stringify(process.env), 'crossroads', ''];
    for (const guess of serverKnows) await expect(unsealPrivateKey(sealed, guess)).rejects.toThrow();
    expect(dump).not.toContain(TEST_PASSPHRASE);

    // With the passphrase (standing in for the reviewer's browser) everything opens.
    const items = await openAll(await fetchProtected(id), TEST_PASSPHRASE);
    expect(items.find((i) => i.kind === 'contact')?.bytes.toString()).toBe(CONTACT);
    expect(items.find((i) => i.kind === 'description')?.bytes.toString()).toBe(DESCRIPTION);
    expect(items.filter((i) => i.kind === 'photo')).toHaveLength(1);

    const status = await t.request(null, { method: 'POST', url: '/api/incidents/receipts/status', payload: { code: receipt } });
    expect(status.json()).toMatchObject({ status: 'received' });
  });

  it('returns photos without EXIF, GPS or camera data, JPEG and PNG alike', async () => {
    const jpegIn = jpegWithGps();
    const pngIn = pngWithMetadata();
    expect(jpegIn.includes(Buffer.from('Exif'))).toBe(true);
    expect(jpegIn.includes(Buffer.from(CAMERA))).toBe(true);
    expect(pngIn.includes(Buffer.from(GPS_TEXT))).toBe(true);
    const response = await submit(
      testReportBody({
        photos: [
          { mediaType: 'image/jpeg', data: jpegIn.toString('base64') },
          { mediaType: 'image/png', data: pngIn.toString('base64') },
        ],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const photos = (await openAll(await fetchProtected(await latestId()), TEST_PASSPHRASE)).filter((i) => i.kind === 'photo');
    const [jpegOut, pngOut] = [photos[0]!.bytes, photos[1]!.bytes];
    expect(photos.map((p) => p.mediaType)).toEqual(['image/jpeg', 'image/png']);
    expect(jpegOut.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    for (const out of [jpegOut, pngOut]) {
      for (const marker of ['Exif', CAMERA, GPS_TEXT, 'tEXt', 'zTXt', 'eXIf', 'iTXt'])
        expect(out.includes(Buffer.from(marker))).toBe(false);
    }
    // No APP1 (EXIF/XMP) segment anywhere in the JPEG's header segments.
    for (
      let i = 2;
      i + 4 < jpegOut.length && jpegOut[i] === 0xff && jpegOut[i + 1] !== 0xda;
      i += 2 + jpegOut.readUInt16BE(i + 2)
    ) {
      expect(jpegOut[i + 1]).not.toBe(0xe1);
    }
  });

  it('refuses a photo that is not what it claims, too large, or more than five', async () => {
    const png = pngWithMetadata();
    const mislabelled = await submit(testReportBody({ photos: [{ mediaType: 'image/jpeg', data: png.toString('base64') }] }));
    expect(mislabelled.statusCode).toBe(400);
    expect(mislabelled.headers['content-type']).toMatch(/^application\/problem\+json/);
    const text = await submit(
      testReportBody({ photos: [{ mediaType: 'image/png', data: Buffer.from('<svg/>').toString('base64') }] }),
    );
    expect(text.statusCode).toBe(400);
    const six = await submit(
      testReportBody({
        photos: Array.from({ length: 6 }, () => ({ mediaType: 'image/png' as const, data: png.toString('base64') })),
      }),
    );
    expect(six.statusCode).toBe(400);
    const small = await testApp(backend, { incidentPhotoMaxBytes: 2048, incidentRateLimit: false });
    try {
      await ensureTestKey(small.database.db);
      const big = await small.request(null, {
        method: 'POST',
        url: '/api/incidents/reports',
        payload: testReportBody({ photos: [{ mediaType: 'image/jpeg', data: jpegWithGps(200, 200).toString('base64') }] }),
      });
      expect(big.statusCode).toBe(400);
      expect(big.json().errors[0].pointer).toBe('/photos/0');
      expect(await small.database.db.selectFrom('incident_report').select('id').execute()).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('keeps what the browser encrypted as it is, and the server cannot read it', async () => {
    const form = (await t.request(null, { method: 'GET', url: '/api/incidents/form' })).json() as {
      key: { keyId: string; spki: string };
    };
    const body = testReportBody({
      sealed: {
        keyId: form.key.keyId,
        description: browserSeal(form.key.spki, DESCRIPTION),
        contact: browserSeal(form.key.spki, CONTACT),
      },
    });
    delete (body as { description?: string }).description;
    const response = await submit(body);
    expect(response.statusCode, response.body).toBe(201);
    const id = await latestId();
    const row = await t.database.db
      .selectFrom('incident_report')
      .select('encrypted_in')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.encrypted_in).toBe('browser');
    const items = await openAll(await fetchProtected(id), TEST_PASSPHRASE);
    expect(items.find((i) => i.kind === 'contact')?.bytes.toString()).toBe(CONTACT);
    expect(JSON.stringify(await tableContents(t.database.db))).not.toContain('Haddad');
  });

  it('audits every protected read with who and why, and refuses one without a reason', async () => {
    await submit(testReportBody({ contact: CONTACT }));
    const id = await latestId();
    const reviewer = await t.as('incident_reviewer');
    await fetchProtected(id, 'Calling the reporter back.');
    await fetchProtected(id, 'Second check of the photos.');
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('verb', '=', 'incident.protected.read')
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.actor_id, e.details.reason])).toEqual([
      [reviewer.userId, 'Calling the reporter back.'],
      [reviewer.userId, 'Second check of the photos.'],
    ]);
    const noReason = await t.request(reviewer, { method: 'POST', url: `/api/incidents/reports/${id}/protected`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    for (const role of ['coordinator', 'analyst', 'expert', 'delegation', 'focal_point'] as const) {
      const other = await t.request(await t.as(role), {
        method: 'POST',
        url: `/api/incidents/reports/${id}/protected`,
        payload: { reason: 'Curious about it.' },
      });
      expect(other.statusCode).toBe(403);
      expect(other.body).not.toContain('wrappedKey');
    }
    const count = await t.database.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('verb', '=', 'incident.protected.read')
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('never shows protected data in the case, the queue, the exports or an error', async () => {
    await submit(testReportBody({ contact: CONTACT, description: DESCRIPTION }));
    const id = await latestId();
    const reviewer = await t.as('incident_reviewer');
    await t.request(reviewer, {
      method: 'POST',
      url: `/api/incidents/reports/${id}/status`,
      payload: { status: 'under_review' },
    });
    await t.request(reviewer, { method: 'POST', url: `/api/incidents/reports/${id}/status`, payload: { status: 'verified' } });
    const bodies = await Promise.all([
      t.request(reviewer, { method: 'GET', url: `/api/incidents/reports/${id}` }),
      t.request(reviewer, { method: 'GET', url: '/api/incidents/reports' }),
      t.request(reviewer, { method: 'GET', url: '/api/incidents/export/odihr.csv' }),
      t.request(null, { method: 'GET', url: '/api/incidents/statistics.csv?by=year' }),
      t.request(await t.as('coordinator'), { method: 'GET', url: '/api/audit' }),
      submit(testReportBody({ contact: CONTACT, description: DESCRIPTION, country: 'XX' })),
    ]);
    expect(bodies[2]!.body.split('\n')[0]).toContain('bias_indicators');
    // An unknown country: a clear problem, nothing stored, nothing protected echoed.
    expect(bodies[5]!.statusCode).toBe(422);
    expect(bodies[5]!.json().detail).toBe('The country of this report is not a known country.');
    for (const response of bodies) {
      for (const secret of ['Haddad', 'Kurt B', '1234567']) expect(response.body).not.toContain(secret);
    }
  });
});
