import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_PASSWORD, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { catalogue, detailCode } from './problem-details.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PARAMETER = /\{([A-Za-z0-9_]+)\}/g;

describe('the catalogue of problem details', () => {
  it('holds every sentence the server can send as a detail or a field message', () => {
    // The script exits 1 and names the stale file when a sentence in the source is not catalogued.
    expect(() =>
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/problem-details.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('finds each sentence under its own key, with the parameters it was built from', () => {
    const wrong: string[] = [];
    for (const [key, template] of Object.entries(catalogue())) {
      const names = [...template.matchAll(PARAMETER)].map((match) => match[1] ?? '');
      const values = Object.fromEntries(names.map((name, index) => [name, `«value${index + 1}»`]));
      const sentence = template.replace(PARAMETER, (_, name: string) => values[name] ?? '');
      const found = detailCode(sentence);
      const expected = names.length > 0 ? { key, params: values } : { key };
      if (JSON.stringify(found) !== JSON.stringify(expected)) wrong.push(`${key}: ${JSON.stringify(found)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('knows nothing of a sentence it does not hold', () => {
    expect(detailCode('A sentence the server never sends.')).toBeUndefined();
    expect(detailCode(undefined)).toBeUndefined();
  });
});

describe.each(testBackends())('problems name their detail in the catalogue on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the key of the detail and of each field message beside the English sentence', async () => {
    const person = await t.user({ role: 'coordinator' });
    const response = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it', newPassword: 'A much better passphrase 7' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.detail).toBe('The current password is not correct.');
    expect(problem.detailKey).toBe('auth.current_password_not_correct');
    expect(problem.errors[0]).toMatchObject({
      pointer: '/currentPassword',
      code: 'wrong_password',
      messageKey: 'auth.current_password_not_correct',
    });
    expect(catalogue()[problem.detailKey]).toBe(problem.detail);
  });

  it('sends the parameters of a sentence built from values', async () => {
    const person = await t.user({ role: 'coordinator' });
    const response = await t.request(person, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PERSONA_PASSWORD, newPassword: 'x'.repeat(40) },
    });
    const problem = response.json();
    expect(response.statusCode).toBe(422);
    const field = problem.errors.find((error: { pointer: string }) => error.pointer === '/newPassword');
    expect(field.messageKey).toBeTruthy();
    expect(catalogue()[field.messageKey]).toBeDefined();
  });
});
