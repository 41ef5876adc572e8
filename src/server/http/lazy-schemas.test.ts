import type { FastifySchemaCompiler } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test-support/app.js';
import { testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { schemaCompilation } from './lazy-schemas.js';

describe.each(testBackends())('route schemas on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
    await t.app.ready();
  });
  afterAll(() => t?.close());

  it('are compiled on first use, not when the server starts, and a request still gets its checked answer', async () => {
    const before = t.app.schemas.pending();
    // Hundreds of routes, each with its validators and serializers: none compiled yet.
    expect(before).toBeGreaterThan(200);
    const health = await t.request(null, { method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: backend });
    expect(t.app.schemas.pending()).toBeLessThan(before);
    // A query string the validator refuses: its errors reach the problem document as before.
    const refused = await t.request(null, { method: 'GET', url: '/api/directory/organisations?limit=abc' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(refused.json())).toContain('limit');
  });

  it('all compile, so that no route meets a broken schema only at its first request', async () => {
    expect(() => t.app.schemas.compileAll()).not.toThrow();
    expect(t.app.schemas.pending()).toBe(0);
    const again = await t.request(null, { method: 'GET', url: '/api/health' });
    expect(again.json()).toEqual({ status: 'ok', database: backend });
  });
});

describe('compiling in the background', () => {
  const route = (url: string) => ({ schema: { url }, method: 'GET', url, httpPart: 'querystring' }) as never;

  it('compiles what no request has compiled, and leaves a schema that fails to its first request', async () => {
    const compiled: string[] = [];
    const compile: FastifySchemaCompiler<unknown> = ({ url }) => {
      if (url === '/broken') throw new Error('the schema does not compile');
      compiled.push(url);
      const validate = (value: unknown) => {
        (validate as unknown as { errors: unknown }).errors = value === 'bad' ? [{ message: 'bad' }] : null;
        return value !== 'bad';
      };
      return validate;
    };
    const schemas = schemaCompilation();
    const lazy = schemas.validator(compile);
    const first = lazy(route('/first')) as unknown as ((value: unknown) => boolean) & { errors: unknown };
    const broken = lazy(route('/broken')) as unknown as (value: unknown) => boolean;
    for (let i = 0; i < 9; i++) lazy(route(`/other/${i}`));
    expect(schemas.pending()).toBe(11);
    expect(compiled).toEqual([]);

    // A request compiles its own schema, and gets the errors of the compiled validator.
    expect(first('bad')).toBe(false);
    expect(first.errors).toEqual([{ message: 'bad' }]);
    expect(compiled).toEqual(['/first']);
    expect(schemas.pending()).toBe(10);

    await schemas.warm(3);
    expect(schemas.pending()).toBe(0);
    expect(compiled).toHaveLength(10);
    expect(() => broken('x')).toThrow('the schema does not compile');
  });
});
