import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona, TestApp } from '../test-support/app.js';
import { testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';

async function rowCounts(t: TestApp) {
  const { rows } = await sql<{ users: number; grants: number; audit: number }>`
    select (select count(*) from app_user)::int as users,
           (select count(*) from role_grant)::int as grants,
           (select count(*) from audit_log)::int as audit`.execute(t.database.db);
  return rows[0];
}

describe.each(testBackends())('bad input on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend, { bodyLimitBytes: 4096 });
    coordinator = await t.as('coordinator');
    // A route that fails the way an unforeseen bug would, to see what a client is told.
    t.app.get('/api/test/fault', { config: { access: 'public' } }, async () => {
      throw new Error('secret internal detail: connection string postgres://admin:hunter2@db');
    });
  });
  afterAll(() => t?.close());

  const cases: Array<[string, () => Parameters<TestApp['request']>[1], number, string]> = [
    [
      'malformed JSON',
      () => ({ method: 'POST', url: '/api/users', payload: '{"email": ', headers: { 'content-type': 'application/json' } }),
      400,
      'malformed_request',
    ],
    [
      'a wrong type',
      () => ({ method: 'POST', url: '/api/users', payload: { email: 'a@example.org', name: 42 } }),
      400,
      'validation',
    ],
    [
      'a boolean sent as text',
      () => ({ method: 'PATCH', url: `/api/users/${coordinator.userId}`, payload: { disabled: 'true' } }),
      400,
      'validation',
    ],
    [
      'an unknown field',
      () => ({ method: 'POST', url: '/api/users', payload: { email: 'b@example.org', name: 'B', isAdmin: true } }),
      400,
      'validation',
    ],
    ['a missing field', () => ({ method: 'POST', url: '/api/users', payload: { name: 'No Email' } }), 400, 'validation'],
    [
      'an invalid email',
      () => ({ method: 'POST', url: '/api/users', payload: { email: 'not-an-email', name: 'X' } }),
      400,
      'validation',
    ],
    [
      'an oversized body',
      () => ({ method: 'POST', url: '/api/users', payload: { email: 'c@example.org', name: 'x'.repeat(10_000) } }),
      413,
      'payload_too_large',
    ],
    ['a bad id', () => ({ method: 'GET', url: '/api/users/not-a-uuid' }), 400, 'validation'],
    ['a path traversal id', () => ({ method: 'GET', url: '/api/users/..%2F..%2Fetc%2Fpasswd' }), 400, 'validation'],
    ['an unknown id', () => ({ method: 'GET', url: '/api/users/00000000-0000-4000-8000-000000000000' }), 404, 'not_found'],
    ['an unknown route', () => ({ method: 'GET', url: '/api/no-such-thing' }), 404, 'route_not_found'],
    [
      'a form body',
      () => ({
        method: 'POST',
        url: '/api/users',
        payload: 'email=a',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported_media_type',
    ],
    ['a bad query parameter', () => ({ method: 'GET', url: '/api/users?limit=100000' }), 400, 'validation'],
    ['an unknown query parameter', () => ({ method: 'GET', url: '/api/countries?colour=blue' }), 400, 'validation'],
  ];

  it.each(cases)('answers %s with a clear problem and writes nothing', async (_name, make, status, code) => {
    const before = await rowCounts(t);
    const response = await t.request(coordinator, make());
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status, code, type: `/api/problems#${code}`, requestId: response.headers['x-request-id'] });
    expect(body.title.length).toBeGreaterThan(10);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('names the offending fields', async () => {
    const response = await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'd@example.org', name: 'D', extra: 1 },
    });
    expect(response.json().errors).toEqual([
      { pointer: '/extra', code: 'not_allowed', message: 'This field is not allowed.', messageKey: 'platform.field_not_allowed' },
    ]);
  });

  it('turns a database constraint into a 409 with its own message, never a 500', async () => {
    const response = await t.request(coordinator, {
      method: 'POST',
      url: '/api/users',
      payload: { email: coordinator.email.toUpperCase(), name: 'Twin' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('An account with this email address already exists.');
    expect(response.json().detailKey).toBe('platform.account_email_address_already_exists');
  });

  it('answers an internal fault with the request id only', async () => {
    const response = await t.request(null, { method: 'GET', url: '/api/test/fault' });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body).toEqual({
      type: '/api/problems#internal',
      title: 'Something went wrong on our side. The error has been recorded.',
      status: 500,
      instance: '/api/test/fault',
      code: 'internal',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('stack');
  });

  it('sends the security headers on API answers and errors alike', async () => {
    for (const url of ['/api/health', '/api/no-such-thing', '/api/openapi.json']) {
      const response = await t.request(null, { method: 'GET', url });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});
