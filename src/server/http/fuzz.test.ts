import { Writable } from 'node:stream';
import { Ajv, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, verbsOfRole } from '../access/roles.js';
import type { Access, Verb } from '../access/verbs.js';
import { dataTables, quoteIdentifier } from '../backup/catalogue.js';
import { PERSONA_PASSWORD, type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { type CataloguedOperation, catalogueOperations } from '../test-support/fuzz/operations.js';
import { type FuzzRequest, requestArbitrary } from '../test-support/fuzz/requests.js';
import type { JsonSchema, Pools } from '../test-support/fuzz/schema-arbitrary.js';
import { PROBLEMS } from './problems.js';
import { ProblemDocument } from './schemas.js';
import { CSRF_HEADER } from './session.js';

/**
 * Every route × every role, with generated inputs from the OpenAPI document: well-formed ones
 * and hostile ones (wrong types, missing and unknown fields, huge values, injections, Unicode
 * edges, traversal in ids). Whatever comes in, the server never answers 500, refuses with a
 * problem document, refuses a caller without access before looking at the input, changes
 * nothing when it refuses a write, and answers success with what its schema declares.
 *
 * CI runs a few inputs per route and role with a fixed seed; `npm run fuzz` runs many
 * (FUZZ_RUNS, default 200) with a new seed each time (FUZZ_SEED to replay one).
 */
const RUNS = Number(process.env.FUZZ_RUNS || 3);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261128;
const TIMEOUT_MS = 60_000 + RUNS * 8 * 1_000;

/**
 * What a refused request may record on purpose: failed sign-ins and wrong current passwords are
 * counted for the throttle and audited, and too many of the latter end the session; a hate-incident
 * report with a refused proof of work counts against its address's hourly limit. A domain that
 * records refused attempts (e.g. abuse counters) adds them here.
 */
const RECORDED_WHEN_REFUSED = {
  tables: new Set(['login_failure', 'user_session', 'incident_submission']),
  auditVerbs: new Set(['auth.login_failed', 'auth.change_password_refused']),
};

const operations: CataloguedOperation[] = await catalogueOperations();

type Caller = Role | 'anonymous';

/** The paths a route matches, with any parameter value that holds no slash. */
const routePattern = (route: string) =>
  new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`);
const isJson = (contentType: string) => /^application\/([a-z.+-]+\+)?json\b/.test(contentType);
/** A transaction id as xmin shows it: the low 32 bits of the 64-bit id. */
const xid32 = (xid: string) => Number(BigInt(xid) % 2n ** 32n);

function permitted(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  return access === 'signed_in' || verbsOfRole(caller).includes(access as Verb);
}

function hashOf(text: string): number {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + (c.codePointAt(0) ?? 0)) | 0;
  return Math.abs(h);
}

type AddFormats = (ajv: Ajv) => Ajv;
const loadedFormats = addFormatsModule as unknown as { default: AddFormats | { default: AddFormats } };
const addFormats: AddFormats =
  typeof loadedFormats.default === 'function' ? loadedFormats.default : loadedFormats.default.default;

describe.each(testBackends())('every route under fuzzing on %s', (backend) => {
  let t: TestApp;
  const logLines: string[] = [];
  const pools: Pools = new Map();
  const secrets = new Set<string>([PERSONA_PASSWORD]);
  const personas = new Map<Role, Persona>();
  const personaIds = new Set<string>();
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map<JsonSchema, ValidateFunction>();
  const validate = (schema: JsonSchema, value: unknown) => {
    let validator = validators.get(schema);
    if (!validator) {
      validator = ajv.compile(schema);
      validators.set(schema, validator);
    }
    return validator(value) ? undefined : ajv.errorsText(validator.errors);
  };
  let tables: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    t = await testApp(backend, { logLevel: 'info' }, { logStream: stream });
    for (const role of ROLES) {
      const persona = await t.as(role);
      personas.set(role, persona);
      personaIds.add(persona.userId);
      secrets.add(persona.email);
    }
    // People and records to act on, so that routes about a record reach past "not found".
    for (let i = 0; i < 3; i++) await t.user({ role: 'expert' });
    const coordinator = personas.get('coordinator') as Persona;
    for (const operation of operations) {
      if (operation.method !== 'GET' || operation.pathParams.length) continue;
      harvest(await t.request(coordinator, { method: 'GET', url: operation.route }));
    }
    tables = (await dataTables(t.database.db)).map((table) => table.name);
  });
  afterAll(() => t?.close());

  function harvest(response: { statusCode: number; headers: Record<string, unknown>; body: string }) {
    if (response.statusCode >= 300 || !isJson(String(response.headers['content-type'] ?? ''))) return;
    const walk = (value: unknown) => {
      if (Array.isArray(value)) {
        for (const item of value.slice(0, 50)) walk(item);
      } else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (typeof v === 'string' && v.length <= 200) {
            if (key === 'oneTimePassword' || key === 'csrfToken') secrets.add(v);
            if (key === 'email' && v.length >= 8) secrets.add(v);
            if (personaIds.has(v)) continue; // the personas are the fuzzer's hands, not its targets
            const pool = pools.get(key) ?? new Set<string>();
            pools.set(key, pool);
            if (pool.size < 40) pool.add(v);
          } else walk(v);
        }
      }
    };
    try {
      walk(JSON.parse(response.body));
    } catch {
      // not JSON after all
    }
  }

  /**
   * Where the database stands: the next transaction id, and the rows per table. A read makes no
   * transaction id, so an unchanged id proves that nothing was written in between.
   */
  async function mark() {
    const counts = tables.map((table, i) => `(select count(*) from ${quoteIdentifier(table)})::int as c${i}`).join(', ');
    const { rows } = await sql
      .raw<Record<string, number | string>>(`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax, ${counts}`)
      .execute(t.database.db);
    const row = rows[0] ?? {};
    return { xmax: String(row.xmax), counts: tables.map((_, i) => Number(row[`c${i}`])) };
  }

  /** The tables a refused request changed: rows written (a new xmin) since the mark, or rows gone. */
  async function changedSince(before: Awaited<ReturnType<typeof mark>>): Promise<string[]> {
    const after = await mark();
    if (after.xmax === before.xmax) return [];
    const touched = tables
      .map(
        (table) =>
          `(select '${table}' as t from ${quoteIdentifier(table)} where xmin::text::bigint >= ${xid32(before.xmax)} limit 1)`,
      )
      .join(' union all ');
    const { rows } = await sql.raw<{ t: string }>(touched).execute(t.database.db);
    const written = new Set(rows.map((row) => row.t));
    return tables.filter((table, i) => written.has(table) || after.counts[i] !== before.counts[i]);
  }

  async function check(operation: CataloguedOperation, caller: Caller, request: FuzzRequest): Promise<void> {
    const headers = { ...request.headers };
    if (caller !== 'anonymous') {
      // A fresh session each time: a call that signs out must not disarm the next one.
      const persona = personas.get(caller) as Persona;
      const session = await t.session(persona.userId);
      headers.cookie = session.cookie;
      headers[CSRF_HEADER] = session.csrfToken;
      secrets.add(session.cookie.split('=')[1] as string);
      secrets.add(session.csrfToken);
    }
    const write = operation.method !== 'GET';
    const before = write ? await mark() : undefined;
    const response = await t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    });
    harvest(response);
    const status = response.statusCode;
    const contentType = String(response.headers['content-type'] ?? '');
    const where = `${caller} ${request.method} ${request.url.slice(0, 300)} → ${status}`;
    const fail = (message: string): never => {
      const requestId = String(response.headers['x-request-id'] ?? '');
      const logged = logLines.filter((line) => requestId && line.includes(requestId)).join('');
      throw new Error(`${where}: ${message}\n${response.body.slice(0, 500)}\n${logged.slice(0, 2000)}`);
    };

    if (status >= 500) fail('a server error');
    if (response.headers['x-content-type-options'] !== 'nosniff' || !response.headers['content-security-policy']) {
      fail('security headers missing');
    }
    if (status >= 400) {
      if (!contentType.startsWith('application/problem+json')) fail(`a refusal as ${contentType}`);
      const problem = JSON.parse(response.body);
      const invalid = validate(ProblemDocument as JsonSchema, problem);
      if (invalid) fail(`a problem document that does not match its schema: ${invalid}`);
      if (problem.status !== status || !(problem.code in PROBLEMS)) fail('a problem document with the wrong status or code');
    }
    if (!permitted(operation.access, caller)) {
      const expected = caller === 'anonymous' ? [401, 403] : [403];
      // An address the router cannot read or match (e.g. a raw `..` that resolves elsewhere) is
      // refused before anyone's access is known; one that reached this route must be refused for access.
      const problem = JSON.parse(response.body) as { code: string; instance?: string };
      const reachedRoute = routePattern(operation.route).test(problem.instance ?? '');
      const unrouted = !reachedRoute || ['route_not_found', 'malformed_request'].includes(problem.code);
      if (!expected.includes(status) && !unrouted) fail(`a caller without access got ${status}, not ${expected.join(' or ')}`);
    }
    // A route hidden from the API description (the description itself) declares nothing to check against.
    if (status >= 200 && status < 300 && Object.keys(operation.responses).length) {
      const declared = operation.responses[String(status)] ?? operation.responses['2XX'];
      if (!declared) fail(`status ${status} is not declared in the API description`);
      else if (declared.length === 0) {
        if (response.body !== '') fail('a body where none is declared');
      } else {
        const media = declared.find((d) => contentType.startsWith(d.contentType));
        if (!media) fail(`an answer as ${contentType}, declared as ${declared.map((d) => d.contentType).join(' or ')}`);
        else if (isJson(media.contentType) && media.schema) {
          const invalid = validate(media.schema, response.body === '' ? null : JSON.parse(response.body));
          if (invalid) fail(`an answer that does not match its declared schema: ${invalid}`);
        }
      }
    }
    if (before && status >= 400) {
      const changed = await changedSince(before);
      const unexpected = changed.filter((table) => table !== 'audit_log' && !RECORDED_WHEN_REFUSED.tables.has(table));
      if (unexpected.length) fail(`a refused write changed ${unexpected.join(', ')}`);
      if (changed.includes('audit_log')) {
        const added = await t.database.db
          .selectFrom('audit_log')
          .select('verb')
          .where(sql`xmin::text::bigint`, '>=', xid32(before.xmax))
          .execute();
        const audited = added.map((a) => a.verb).filter((verb) => !RECORDED_WHEN_REFUSED.auditVerbs.has(verb));
        if (audited.length) fail(`a refused write was audited as ${audited.join(', ')}`);
      }
    }
  }

  for (const operation of operations) {
    it(`${operation.method} ${operation.route}`, { timeout: TIMEOUT_MS }, async () => {
      const requests = requestArbitrary(operation, pools);
      for (const caller of ['anonymous', ...ROLES] as const) {
        const runs = permitted(operation.access, caller) ? RUNS : Math.max(1, Math.ceil(RUNS / 3));
        await fc.assert(
          fc.asyncProperty(requests, (request) => check(operation, caller, request)),
          { numRuns: runs, seed: (SEED + hashOf(`${operation.method} ${operation.route} ${caller}`)) | 0, endOnFailure: true },
        );
      }
    });
  }

  it('lets no password, token or personal detail of the whole run reach the logs', () => {
    const log = logLines.join('');
    expect(logLines.length).toBeGreaterThan(operations.length);
    const leaked = [...secrets].filter((secret) => secret.length >= 8 && log.includes(secret));
    expect(leaked).toEqual([]);
  });
});
