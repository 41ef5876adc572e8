import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../domains.js';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { auditCatalogue } from './catalogue.js';

const root = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every literal `verb:` and `recordType:` in a file that writes audit entries. */
function writtenInSource() {
  const actions = new Set<string>();
  const recordTypes = new Set<string>();
  for (const file of [...sources(path.join(root, 'server')), ...sources(path.join(root, 'cli'))]) {
    const text = readFileSync(file, 'utf8');
    if (!/\baudit\(|insertAuditEntry\(/.test(text)) continue;
    for (const match of text.matchAll(/\bverb: '([a-z_.]+)'/g)) actions.add(match[1] as string);
    for (const match of text.matchAll(/\brecordType: '([a-z_]+)'/g)) recordTypes.add(match[1] as string);
  }
  return { actions, recordTypes };
}

describe('the audit catalogue', () => {
  it('holds every action and record type the code writes', () => {
    const catalogue = auditCatalogue();
    const declared = new Set<string>(catalogue.actions.map((entry) => entry.action));
    const written = writtenInSource();
    expect(written.actions.size).toBeGreaterThan(20);
    expect([...written.actions].filter((action) => !declared.has(action))).toEqual([]);
    expect([...written.recordTypes].filter((type) => !catalogue.recordTypes.includes(type as never))).toEqual([]);
  });
});

/** The languages of the web client; the audit page's labels are in its shared translation files. */
const LANGUAGES = ['en', 'fr', 'de', 'it', 'ru', 'es'] as const;

/** The string at a dotted key of a translation file, as i18next finds it; undefined when there is none. */
function label(strings: unknown, key: string): string | undefined {
  let node = strings;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

describe('the audit page', () => {
  it.each(LANGUAGES)('names every action, group and record type of the catalogue in words (%s)', (language) => {
    const strings: unknown = JSON.parse(readFileSync(path.join(root, 'web', 'i18n', `${language}.json`), 'utf8'));
    const catalogue = auditCatalogue();
    // The keys the page asks for (src/web/audit/): the action, its group (its first word) and the record type.
    const keys = [
      ...catalogue.actions.map(({ action }) => `audit.verbs.${action}`),
      ...new Set(catalogue.actions.map(({ action }) => `audit.group.${action.split('.')[0]}`)),
      ...catalogue.recordTypes.map((type) => `audit.recordTypes.${type}`),
    ];
    expect(keys.length).toBeGreaterThan(60);
    expect(keys.filter((key) => label(strings, key) === undefined)).toEqual([]);
  });
});

describe.each(testBackends())('GET /api/audit/catalogue on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  it('asks who is calling', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/audit/catalogue' })).statusCode).toBe(401);
  });

  it('is for those who may read the audit log', async () => {
    const analyst = await t.user({ role: 'analyst' });
    expect((await t.request(analyst, { method: 'GET', url: '/api/audit/catalogue' })).statusCode).toBe(403);
  });

  it('lists every declared action with its domain, and the record types', async () => {
    const response = await t.request(coordinator, { method: 'GET', url: '/api/audit/catalogue' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.actions).toContainEqual({ action: 'user.create', domain: 'users' });
    expect(body.actions).toContainEqual({ action: 'auth.login', domain: 'auth' });
    expect(body.actions).toContainEqual({ action: 'incident.report.receive', domain: 'incidents' });
    expect(body.recordTypes).toEqual(expect.arrayContaining(['user', 'session', 'country', 'audit_log', 'database']));
    expect(body.actions).toHaveLength(auditCatalogue().actions.length);
  });
});
