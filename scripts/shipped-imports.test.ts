import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTestImports, findTestImports, isTestImport } from './shipped-imports.mjs';

describe('the build check for test code in dist', () => {
  let folder: string;
  const write = (file: string, source: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), source);
  };

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipped-imports-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('names test libraries and test-support paths, not the platform or its dependencies', () => {
    for (const specifier of [
      'vitest',
      'vitest/node',
      '@vitest/expect',
      'fast-check',
      'playwright-core',
      '../test-support/app.js',
    ])
      expect(isTestImport(specifier), specifier).toBe(true);
    for (const specifier of ['kysely', 'fastify', './service.js', '../db/schema.js', 'vitest-like', './support.js'])
      expect(isTestImport(specifier), specifier).toBe(false);
  });

  it('finds every kind of import of test code and names the file', () => {
    write('server/clean.js', "import { sql } from 'kysely';\nexport * from './queries.js';\n");
    write('server/a.js', "import { expect } from 'vitest';\n");
    write('server/b.js', "export { persona } from '../test-support/app.js';\n");
    write('server/c/d.mjs', "const fc = await import('fast-check');\n");
    write('cli/e.js', "import 'playwright-core';\n");
    write('server/test-support/f.js', 'export const x = 1;\n');
    write('server/ignored.js.map', '{"sources":["vitest"]}');

    const found = findTestImports([path.join(folder, 'server'), path.join(folder, 'cli'), path.join(folder, 'missing')]);
    const relative = found.map(({ file, specifier }) => [path.relative(folder, file), specifier]);
    expect(relative.sort()).toEqual(
      [
        ['cli/e.js', 'playwright-core'],
        ['server/a.js', 'vitest'],
        ['server/b.js', '../test-support/app.js'],
        [path.join('server', 'c', 'd.mjs'), 'fast-check'],
        [path.join('server', 'test-support', 'f.js'), null],
      ].sort(),
    );
    const message = describeTestImports(found, folder);
    expect(message).toContain('server/a.js imports vitest');
    expect(message).toContain('is a test-support file');
  });

  it('passes a clean build', () => {
    write('server/app.js', "import Fastify from 'fastify';\nimport { build } from './http/routes.js';\n");
    expect(findTestImports([path.join(folder, 'server')])).toEqual([]);
  });
});
