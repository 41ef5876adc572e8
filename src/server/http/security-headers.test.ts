import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

const WEB_DIR = path.resolve('dist/web');
const hasWebClient = fs.existsSync(path.join(WEB_DIR, 'index.html'));

function expectSecurityHeaders(response: LightMyRequestResponse, what: string) {
  const headers = response.headers;
  expect(headers['content-security-policy'], what).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(headers['permissions-policy'], what).toBe('camera=(self), microphone=(), geolocation=(), payment=()');
  expect(headers['x-request-id'], what).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers['x-powered-by'], what).toBeUndefined();
}

/** Every route of the catalogue, anonymous and as the co-ordinator, answers with the security headers. */
describe('security headers', () => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp('pglite', { webDir: WEB_DIR });
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  it('are on every API answer, refusals and successes alike, and API answers are never cached', async () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(20);
    for (const route of t.app.routeCatalogue) {
      const url = route.url.replace(/:[A-Za-z0-9_]+/g, 'x');
      // A fresh session each time, since one of the routes signs out.
      for (const persona of [null, { ...coordinator, ...(await t.session(coordinator.userId)) }]) {
        const response = await t.request(persona, { method: route.method as InjectOptions['method'], url });
        const what = `${route.method} ${url} as ${persona ? 'co-ordinator' : 'anonymous'} (${response.statusCode})`;
        expectSecurityHeaders(response, what);
        expect(response.headers['cache-control'], what).toBe('no-store');
      }
    }
  });

  it('are on addresses the router cannot read or match', async () => {
    for (const url of ['/api/no-such-route', '/api/users/%E0%A4%A', `/api/users/${'a'.repeat(300)}`, '/favicon-missing.png']) {
      const response = await t.request(null, { method: 'GET', url });
      expectSecurityHeaders(response, url);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });

  it('are on the API reference pages', async () => {
    expectSecurityHeaders(await t.request(null, { method: 'GET', url: '/api/docs/' }), '/api/docs/');
  });

  it.runIf(hasWebClient)('are on the web client: its index, a page address, and its assets', async () => {
    const asset = fs.readdirSync(path.join(WEB_DIR, 'assets')).find((file) => file.endsWith('.js')) as string;
    for (const url of ['/', '/users', '/some/deep/page', `/assets/${asset}`]) {
      const response = await t.request(null, { method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expectSecurityHeaders(response, url);
    }
    const index = await t.request(null, { method: 'GET', url: '/' });
    expect(index.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script: the CSP would block it
  });
});
