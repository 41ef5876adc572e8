import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../access/roles.js';
import type { AccessRow, AccessTable } from '../test-support/access-table.js';
import { PERSONA_PASSWORD, type Persona, type TestApp, testApp } from '../test-support/app.js';
import { SECOND_FACTOR_ROWS } from '../test-support/auth/access-table.js';
import { BACKUP_ROWS } from '../test-support/backup/access-table.js';
import { CONFERENCE_ROWS } from '../test-support/conferences/access-table.js';
import { CONSENSUS_ROWS } from '../test-support/consensus/access-table.js';
import { testBackends } from '../test-support/database.js';
import { DIRECTORY_ROWS } from '../test-support/directory/access-table.js';
import { INCIDENT_ROWS } from '../test-support/incidents/access-table.js';
import { MISSION_ROWS } from '../test-support/missions/access-table.js';
import { NETWORK_ROWS } from '../test-support/network/access-table.js';
import { NOTIFICATION_ROWS } from '../test-support/notifications/access-table.js';
import { OPERATIONS_ROWS } from '../test-support/operations/access-table.js';
import { REPORT_ROWS } from '../test-support/reports/access-table.js';
import { ROSTER_ROWS } from '../test-support/roster/access-table.js';
import { SOLIDARITY_ROWS } from '../test-support/solidarity/access-table.js';
import { SSO_ROWS } from '../test-support/sso/access-table.js';
import { TRAINING_ROWS } from '../test-support/training/access-table.js';
import { WARNING_ROWS } from '../test-support/warning/access-table.js';

/** The platform's own routes; each domain keeps its rows in its own access-table.ts, spread in below. */
const PLATFORM_ROWS: AccessTable = {
  'GET /api/health': { who: 'anyone', ok: 200 },
  'GET /api/ready': { who: 'anyone', ok: 200 },
  'GET /api/problems': { who: 'anyone', ok: 200 },
  'GET /api/openapi.json': { who: 'anyone', ok: 200 },
  'POST /api/auth/login': {
    who: 'anyone',
    ok: 200,
    freshSession: true,
    request: ({ target }) => ({ payload: { email: target.email, password: PERSONA_PASSWORD } }),
  },
  'POST /api/auth/logout': { who: 'signed_in', ok: 204, freshSession: true },
  'GET /api/auth/session': { who: 'signed_in', ok: 200 },
  'PATCH /api/auth/account': { who: 'signed_in', ok: 200, request: () => ({ payload: { language: 'fr' } }) },
  'POST /api/auth/password': {
    who: 'signed_in',
    ok: 422,
    // A password that is too short: the route is reached and answers with its own rule.
    request: () => ({ payload: { currentPassword: PERSONA_PASSWORD, newPassword: 'short' } }),
  },
  'GET /api/audit/catalogue': { who: ['coordinator'], ok: 200 },
  'GET /api/users': { who: ['coordinator'], ok: 200 },
  'POST /api/users': {
    who: ['coordinator'],
    ok: 201,
    request: ({ n }) => ({ payload: { email: `table.${n}@example.org`, name: `Table ${n}` } }),
  },
  'GET /api/users/:id': { who: ['coordinator'], ok: 200, request: ({ target }) => ({ url: `/api/users/${target.userId}` }) },
  'PATCH /api/users/:id': {
    who: ['coordinator'],
    ok: 200,
    request: ({ target, n }) => ({ url: `/api/users/${target.userId}`, payload: { name: `Renamed ${n}` } }),
  },
  'PUT /api/users/:id/grants': {
    who: ['coordinator'],
    ok: 200,
    request: ({ target }) => ({
      url: `/api/users/${target.userId}/grants`,
      payload: { grants: [{ role: 'analyst', scopeType: 'global' }] },
    }),
  },
  'POST /api/users/:id/password-reset': {
    who: ['coordinator'],
    ok: 200,
    request: ({ target }) => ({ url: `/api/users/${target.userId}/password-reset` }),
  },
  'GET /api/countries': { who: 'anyone', ok: 200 },
  'GET /api/countries/:iso2': { who: 'anyone', ok: 200, request: () => ({ url: '/api/countries/GR' }) },
  'PATCH /api/countries/:iso2': {
    who: ['coordinator'],
    ok: 200,
    request: () => ({ url: '/api/countries/GR', payload: { capital: 'Athens' } }),
  },
  'GET /api/structures': { who: 'anyone', ok: 200 },
  'GET /api/reference/dimensions': { who: 'anyone', ok: 200 },
  'GET /api/reference/key-areas': { who: 'anyone', ok: 200 },
  'GET /api/reference/competences': { who: 'anyone', ok: 200 },
  'GET /api/reference/languages': { who: 'anyone', ok: 200 },
  'GET /api/audit': { who: ['coordinator'], ok: 200 },
  'GET /api/audit/export.csv': { who: ['coordinator'], ok: 200 },
};

const TABLE: AccessTable = {
  ...PLATFORM_ROWS,
  ...SOLIDARITY_ROWS,
  ...DIRECTORY_ROWS,
  ...WARNING_ROWS,
  ...BACKUP_ROWS,
  ...ROSTER_ROWS,
  ...MISSION_ROWS,
  ...REPORT_ROWS,
  ...INCIDENT_ROWS,
  ...NOTIFICATION_ROWS,
  ...TRAINING_ROWS,
  ...CONSENSUS_ROWS,
  ...NETWORK_ROWS,
  ...OPERATIONS_ROWS,
  ...CONFERENCE_ROWS,
  ...SSO_ROWS,
  ...SECOND_FACTOR_ROWS,
};

function expected(row: AccessRow, role: Role | 'anonymous'): number {
  if (row.who === 'anyone') return row.ok;
  if (role === 'anonymous') return 401;
  if (row.who === 'signed_in') return row.ok;
  return row.who.includes(role) ? row.ok : 403;
}

describe.each(testBackends())('route × role table on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('lists every route of the server, and nothing else', () => {
    const routes = t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(TABLE).sort());
  });

  // Every route × seven callers: minutes on a loaded machine, more as routes are added.
  it('answers every route for every role as the table says', { timeout: 600_000 }, async () => {
    let n = 0;
    const failures: string[] = [];
    for (const [key, row] of Object.entries(TABLE)) {
      const [method, path] = key.split(' ') as [InjectOptions['method'], string];
      for (const role of ['anonymous', ...ROLES] as const) {
        n++;
        const target = await t.user({ role: 'expert' });
        let persona: Persona | null = role === 'anonymous' ? null : await t.as(role);
        if (persona && row.freshSession) persona = { ...persona, ...(await t.session(persona.userId)) };
        const options = (await row.request?.({ t, target, n })) ?? {};
        const response = await t.request(persona, { method, url: path, ...options });
        const want = expected(row, role);
        if (response.statusCode !== want) failures.push(`${key} as ${role}: ${response.statusCode}, expected ${want}`);
        if (response.statusCode >= 400) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
