import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config.js';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { ensureTestKey, testReportBody } from '../../test-support/incidents/fixtures.js';
import { pngBomb } from '../../test-support/incidents/test-photos.js';
import { solveProof } from './proof.js';

// 4,000 × 4,000 blank pixels in about 60 KB: within the pixel budget, so it must be decoded, and
// a pure-JavaScript decoder spends seconds on each.
const BOMB = pngBomb(4000, 4000).toString('base64');
const bombPhoto = { mediaType: 'image/png' as const, data: BOMB };

describe.each(testBackends())('photo uploads under attack on %s', (backend) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    const overrides: Partial<Config> = { incidentPhotoWorkers: 1, incidentPhotoQueue: 2 };
    t = await testApp(backend, overrides);
    await ensureTestKey(t.database.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  it('keeps answering /api/ready (which asks the database) within a second while an anonymous client sends photo bombs in parallel', async () => {
    const post = (body: unknown) =>
      fetch(`${base}/api/incidents/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bombs = Array.from({ length: 5 }, () => post(testReportBody({ photos: [bombPhoto] })));
    let settled = false;
    const answers = Promise.all(bombs).finally(() => {
      settled = true;
    });
    const latencies: number[] = [];
    while (!settled) {
      const started = performance.now();
      const health = await fetch(`${base}/api/ready`);
      latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const responses = await answers;
    expect(Math.max(...latencies)).toBeLessThan(1000);
    expect(latencies.length).toBeGreaterThan(3);

    // What does not fit in the queue is turned away at once with a clear problem, never a stall;
    // what fits is cleaned, or refused for its photo when it overran its time budget (a busy machine).
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 400 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s !== 503).length).toBeGreaterThanOrEqual(3);
    for (const refused of responses.filter((r) => r.status === 400)) {
      expect(((await refused.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe('/photos/0');
    }
    const busy = responses.find((r) => r.status === 503);
    expect(busy).toBeDefined();
    expect(busy?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(busy?.headers.get('retry-after')).toBeTruthy();
    expect(await busy?.json()).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it('refuses a photo that takes longer than its time budget to clean, and carries on', async () => {
    const slow = await testApp(backend, { incidentPhotoTimeoutMs: 200 } as Partial<Config>);
    try {
      await ensureTestKey(slow.database.db);
      const response = await slow.request(null, {
        method: 'POST',
        url: '/api/incidents/reports',
        payload: testReportBody({ photos: [bombPhoto] }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].pointer).toBe('/photos/0');
      const next = await slow.request(null, { method: 'POST', url: '/api/incidents/reports', payload: testReportBody() });
      expect(next.statusCode).toBe(201);
    } finally {
      await slow.close();
    }
  });
});

describe.each(testBackends())('a replayed proof of work on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { incidentMaxReportsPerAddressPerHour: 3 });
    await ensureTestKey(t.database.db);
  });
  afterAll(() => t?.close());

  const submit = (payload: unknown) =>
    t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: payload as Record<string, unknown>,
      remoteAddress: '198.51.100.77',
    });

  it('is refused before any photo is decoded, and each refusal counts against the address’s limit', async () => {
    const proof = solveProof(14);
    expect((await submit(testReportBody({ proof }))).statusCode).toBe(201);
    const replay = testReportBody({ proof, photos: Array.from({ length: 5 }, () => bombPhoto) });
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const refused = await submit(replay);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].pointer).toBe('/proof');
      expect(performance.now() - started).toBeLessThan(1000);
    }
    // One accepted report and two refused replays: the address has used its three attempts.
    const limited = await submit(replay);
    expect(limited.statusCode).toBe(429);
    expect((await submit(testReportBody())).statusCode).toBe(429);
  });
});
