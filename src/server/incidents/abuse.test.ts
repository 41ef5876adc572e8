import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { ensureTestKey, testReportBody } from './fixtures.js';
import { solveProof } from './proof.js';
import { receiptHash } from './submit.js';

describe.each(testBackends())('hate incident abuse resistance on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { incidentMaxReportsPerAddressPerHour: 3, incidentMaxReportsPerHour: 8 });
    await ensureTestKey(t.database.db);
  });
  afterAll(() => t?.close());

  const submit = (payload: unknown, remoteAddress = '203.0.113.1') =>
    t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: payload as Record<string, unknown>,
      remoteAddress,
    });
  const reports = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('incident_report')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers a filled honeypot as if accepted and keeps nothing', async () => {
    const response = await submit(testReportBody({ website: 'http://spam.example' }), '198.51.100.9');
    expect(response.statusCode).toBe(201);
    expect(await reports()).toBe(0);
    const found = await t.database.db
      .selectFrom('incident_report')
      .select('id')
      .where('receipt_hash', '=', receiptHash(response.json().receipt))
      .execute();
    expect(found).toEqual([]);
  });

  it('refuses a form sent too quickly, without the proof of work, or a second time', async () => {
    const quick = await submit(testReportBody({ proof: solveProof(14, Date.now()) }), '198.51.100.10');
    expect(quick.statusCode).toBe(400);
    expect(quick.json().errors[0].pointer).toBe('/proof');
    const lazy = await submit(
      testReportBody({ proof: { challenge: `${Date.now() - 60_000}.0123456789abcdef`, nonce: '1' } }),
      '198.51.100.10',
    );
    expect(lazy.statusCode).toBe(400);
    const body = testReportBody();
    expect((await submit(body, '198.51.100.10')).statusCode).toBe(201);
    expect((await submit(body, '198.51.100.11')).statusCode).toBe(400);
    expect(await reports()).toBe(1);
  });

  it('limits reports per address and in all with 429 problem+json, and loses no accepted report', async () => {
    const before = await reports();
    const burst = await Promise.all(Array.from({ length: 6 }, () => submit(testReportBody(), '192.0.2.7')));
    const accepted = burst.filter((r) => r.statusCode === 201);
    const limited = burst.filter((r) => r.statusCode === 429);
    expect(accepted).toHaveLength(3);
    expect(limited).toHaveLength(3);
    for (const response of limited) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'rate_limited', status: 429 });
      expect(response.headers['retry-after']).toBe('3600');
    }
    // Every receipt handed out names a stored report.
    for (const response of accepted) {
      const status = await t.request(null, {
        method: 'POST',
        url: '/api/incidents/receipts/status',
        payload: { code: response.json().receipt },
      });
      expect(status.statusCode).toBe(200);
    }
    expect(await reports()).toBe(before + 3);

    // A flood from many addresses stops at the global limit of 8 an hour.
    const flood = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(testReportBody(), `192.0.2.${100 + i}`)));
    const floodAccepted = flood.filter((r) => r.statusCode === 201).length;
    expect(floodAccepted + before + 3).toBe(8);
    expect(flood.filter((r) => r.statusCode === 429)).toHaveLength(10 - floodAccepted);
    expect(await reports()).toBe(8);

    // Whoever copies the database cannot find the addresses by trying them all.
    const hashes = (await t.database.db.selectFrom('incident_submission').select('address_hash').execute()).map((r) =>
      Buffer.from(r.address_hash).toString('hex'),
    );
    expect(hashes.length).toBeGreaterThan(0);
    for (let i = 0; i < 256; i++) {
      for (const guess of [`192.0.2.${i}`, `incident-address:192.0.2.${i}`]) {
        expect(hashes).not.toContain(createHash('sha256').update(guess).digest('hex'));
      }
    }

    // Reviewers work on, whatever the flood.
    const queue = await t.request(await t.as('incident_reviewer'), { method: 'GET', url: '/api/incidents/reports' });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBe(8);
  });

  it('refuses a body larger than the limit with 413', async () => {
    const small = await testApp(backend, { incidentPhotoMaxBytes: 1024 });
    try {
      const response = await small.request(null, {
        method: 'POST',
        url: '/api/incidents/reports',
        payload: testReportBody({
          description: 'x'.repeat(9000),
          photos: [{ mediaType: 'image/png', data: 'A'.repeat(400_000) }],
        }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await small.close();
    }
  });
});
