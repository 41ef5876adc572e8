import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { gzipBomb, xlsxBomb } from '../test-support/zip.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every route that reads a spreadsheet sent by a signed-in user, with who may send one. */
const IMPORTS: Array<{ url: string; role: Role }> = [
  { url: '/api/directory/matrix/import?dryRun=true', role: 'focal_point' },
  { url: '/api/warning/imports?dryRun=true', role: 'analyst' },
];

describe.each(testBackends())('spreadsheets made to expand, sent to the imports on %s', (backend) => {
  let t: TestApp;
  // 70 000 rows of 4 kB: 280 MB of sheet XML in well under a megabyte.
  let bomb: Buffer;
  let liar: Buffer;
  let gzipped: Buffer;
  beforeAll(async () => {
    t = await testApp(backend);
    // A server that has answered once, as in production: the first request of a new app pays for its start.
    await t.request(null, { method: 'GET', url: '/api/ready' });
    bomb = await xlsxBomb(70_000);
    liar = await xlsxBomb(70_000, { lie: true });
    gzipped = await gzipBomb(300 * 1024 * 1024);
  }, 120_000);
  afterAll(() => t?.close());

  /** Sends the file while asking for /api/ready (which asks the database) every 50 ms; the slowest answer and the upload's. */
  async function sendWhileProbing(url: string, role: Role, body: Buffer, type: string) {
    const persona = await t.as(role);
    let done = false;
    const latencies: number[] = [];
    const probing = (async () => {
      while (!done) {
        const start = performance.now();
        const health = await t.request(null, { method: 'GET', url: '/api/ready' });
        latencies.push(performance.now() - start);
        expect(health.statusCode).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const start = performance.now();
    const response = await t.request(persona, { method: 'POST', url, headers: { 'content-type': type }, payload: body });
    const elapsed = performance.now() - start;
    done = true;
    await probing;
    return { response, elapsed, slowestHealth: Math.max(...latencies) };
  }

  it('the bombs are what they claim: small files that expand to hundreds of megabytes', () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(liar.length).toBeLessThan(1024 * 1024);
    expect(gzipped.length).toBeLessThan(1024 * 1024);
  });

  for (const { url, role } of IMPORTS) {
    it(`${url}: an XLSX that expands a thousand times is refused at once, and the server keeps answering`, async () => {
      const { response, elapsed, slowestHealth } = await sendWhileProbing(url, role, bomb, XLSX);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'payload_too_large' });
      expect(response.json().detail).toMatch(/expands/);
      expect(elapsed).toBeLessThan(5_000);
      expect(slowestHealth).toBeLessThan(1_000);
    });

    it(`${url}: an XLSX whose directory understates its sizes is stopped while inflating`, async () => {
      const { response, elapsed, slowestHealth } = await sendWhileProbing(url, role, liar, XLSX);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large' });
      expect(response.json().detail).toMatch(/beyond the \d+ bytes its directory declares/);
      expect(elapsed).toBeLessThan(5_000);
      expect(slowestHealth).toBeLessThan(1_000);
    });

    it(`${url}: a gzipped file that expands to 300 MB is refused`, async () => {
      const { response, elapsed, slowestHealth } = await sendWhileProbing(url, role, gzipped, 'application/octet-stream');
      expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large' });
      expect(response.json().detail).toMatch(/at most 100 times its size/);
      expect(elapsed).toBeLessThan(5_000);
      expect(slowestHealth).toBeLessThan(1_000);
    });
  }
});
