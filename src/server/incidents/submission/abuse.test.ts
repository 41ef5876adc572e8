import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { ensureTestKey, testReportBody } from '../../test-support/incidents/fixtures.js';
import { solveChallenge, solveProof } from './proof.js';
import { receiptHash } from './service.js';

describe.each(testBackends())('hate incident abuse resistance on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, {
      incidentMaxReportsPerAddressPerHour: 3,
      incidentReportsPerProofBit: 4,
      incidentProofMaxBits: 17,
    });
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
  const form = async () =>
    (await t.request(null, { method: 'GET', url: '/api/incidents/form' })).json() as { challenge: string; proofBits: number };
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
    // A challenge the server issued, back-dated an hour so that the form seems long open.
    const issued = await form();
    const backDated = issued.challenge.replace(/^\d{13}/, String(Date.now() - 3600_000));
    const late = await submit(testReportBody({ proof: solveChallenge(backDated, issued.proofBits) }), '198.51.100.12');
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].pointer).toBe('/proof');
    // A challenge signed by someone else (another server, or the sender), and one no server signed.
    const forged = solveProof(14, Date.now() - 60_000, 'a key this server does not hold, 32+ chars');
    expect((await submit(testReportBody({ proof: forged }), '198.51.100.12')).statusCode).toBe(400);
    const unsigned = { challenge: `${Date.now() - 60_000}.0123456789abcdef`, nonce: '0' };
    expect((await submit(testReportBody({ proof: unsigned }), '198.51.100.13')).statusCode).toBe(400);
    // The server's own challenge, sent at once: quicker than a person fills the form.
    const fresh = await form();
    const hasty = await submit(testReportBody({ proof: solveChallenge(fresh.challenge, fresh.proofBits) }), '198.51.100.13');
    expect(hasty.json().errors[0].message).toMatch(/too quickly/);

    const body = testReportBody();
    expect((await submit(body, '198.51.100.10')).statusCode).toBe(201);
    expect((await submit(body, '198.51.100.11')).statusCode).toBe(400);
    expect(await reports()).toBe(1);
  });

  it('limits reports per address with 429 problem+json, and loses no accepted report', async () => {
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
    expect(queue.json().total).toBe(before + 3);
  });

  it('under a flood asks each new form for more work instead of shutting the form for everyone', async () => {
    const calm = await form();
    // 55 addresses × 10 reports within the hour, as an attacker sent them to close the form.
    await t.database.db
      .insertInto('incident_submission')
      .values(Array.from({ length: 550 }, () => ({ address_hash: randomBytes(32), proof_hash: randomBytes(32) })))
      .execute();
    const loaded = await form();
    expect(loaded.proofBits).toBeGreaterThan(calm.proofBits);
    expect(loaded.proofBits).toBe(17);

    // A form opened while all was calm, solved to its lesser difficulty, must do the work again.
    const hoarded = await submit(testReportBody({ proof: solveProof(calm.proofBits) }), '192.0.2.200');
    expect(hoarded.statusCode).toBe(400);
    expect(hoarded.json().errors[0].pointer).toBe('/proof');

    // A new reporter whose browser solves the harder proof is heard: there is no global stop.
    await new Promise((resolve) => setTimeout(resolve, t.config.incidentMinFillSeconds * 1000 + 100));
    const heard = await submit(testReportBody({ proof: solveChallenge(loaded.challenge, loaded.proofBits) }), '192.0.2.201');
    expect(heard.statusCode, heard.body).toBe(201);

    // Reviewers work on, whatever the flood.
    const queue = await t.request(await t.as('incident_reviewer'), { method: 'GET', url: '/api/incidents/reports' });
    expect(queue.statusCode).toBe(200);
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
