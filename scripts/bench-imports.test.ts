import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The benchmarks load the built server's modules by path and take named exports from them; a
// function that moved or was renamed only shows when that suite runs. This reads every suite,
// finds each `const { … } = await import(dist('…'))`, and checks that the built module exports
// every name taken. (The test command builds before it runs the tests.)
const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');
const TAKEN = /const\s*\{([^}]+)\}\s*=\s*await\s+import\(\s*dist\(\s*'([^']+)'\s*\)\s*\)/g;

function taken(): Array<{ suite: string; module: string; names: string[] }> {
  return fs
    .readdirSync(BENCH)
    .filter((file) => file.endsWith('.mjs'))
    .flatMap((suite) =>
      [...fs.readFileSync(path.join(BENCH, suite), 'utf8').matchAll(TAKEN)].map((match) => ({
        suite,
        module: match[2] as string,
        names: (match[1] as string)
          .split(',')
          .map((part) => part.split(':')[0]?.trim() ?? '')
          .filter(Boolean),
      })),
    );
}

describe('the benchmarks’ imports of the built server', () => {
  const imports = taken();

  it('finds the imports of the suites', () => {
    expect(imports.length).toBeGreaterThan(40);
    expect(new Set(imports.map((i) => i.suite)).size).toBeGreaterThan(10);
  });

  it('finds every name a suite takes in the built module it takes it from', async () => {
    const missing: string[] = [];
    for (const { suite, module, names } of imports) {
      const file = path.join(ROOT, 'dist', 'server', module);
      if (!fs.existsSync(file)) {
        missing.push(`${suite}: dist/server/${module} does not exist`);
        continue;
      }
      const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const name of names) if (exported[name] === undefined) missing.push(`${suite}: ${name} from ${module}`);
    }
    expect(missing).toEqual([]);
  });
});
