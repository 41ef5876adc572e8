import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The server runs from one bundled module, dist/server/crossroads.mjs (scripts/build-server.mjs),
// so a module's own location is not where its files are: every file it reads at run time is named
// through src/server/paths.ts, relative to the server's folder.

const SOURCES = path.resolve('src/server');
const BUILD = path.resolve('dist/server');
const BUNDLE = path.join(BUILD, 'crossroads.mjs');

function shippedSources(): Array<{ file: string; text: string }> {
  return (fs.readdirSync(SOURCES, { recursive: true }) as string[])
    .filter((file) => /\.(ts|mjs)$/.test(file) && !/\.test\.ts$/.test(file) && !/(^|[/\\])test-support[/\\]/.test(file))
    .map((file) => ({ file, text: fs.readFileSync(path.join(SOURCES, file), 'utf8') }));
}

/** Every path named to serverFile() or serverPath(); a template's part before its first `${`. */
function namedPaths(): Array<{ file: string; named: string }> {
  const found: Array<{ file: string; named: string }> = [];
  for (const { file, text } of shippedSources())
    for (const match of text.matchAll(/server(?:File|Path)\((['`])([^'`]*?)(?:\$\{[^`]*)?\1\)/g))
      found.push({ file, named: match[2] as string });
  return found;
}

describe('files the server reads at run time', () => {
  it('are named relative to the server folder, and each is in the sources', () => {
    const named = namedPaths();
    expect(named.map((n) => n.named)).toEqual(
      expect.arrayContaining(['db/migrations', 'db/pglite-worker.mjs', 'reference/data', 'http/data/problem-details.json']),
    );
    for (const { file, named: relative } of named)
      expect(fs.existsSync(path.join(SOURCES, relative)), `${relative} (named in ${file})`).toBe(true);
  });

  it('are never located from a module’s own address, which the bundle changes', () => {
    const offenders = shippedSources()
      // paths.ts itself; the extracts' scripts under data/ are run by hand on the sources.
      .filter(({ file }) => file !== 'paths.ts' && !/(^|[/\\])data[/\\][^/\\]+\.mjs$/.test(file))
      .flatMap(({ file, text }) =>
        text
          .split('\n')
          // A package is found from anywhere in the project: createRequire may take the module's address.
          .filter((line) => line.includes('import.meta.url') && !line.includes('createRequire('))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  // `npm test` builds first; run `npm run build:server` before this block on its own.
  describe.skipIf(!fs.existsSync(BUNDLE))('in the build', () => {
    it('are copied beside the bundle, where paths.ts finds them', () => {
      for (const { file, named } of namedPaths())
        expect(fs.existsSync(path.join(BUILD, named)), `${named} (named in ${file})`).toBe(true);
    });

    it('the bundle and its chunks import no other module of the build', () => {
      const bundleFiles = fs.readdirSync(BUILD).filter((file) => /^crossroads.*\.mjs$/.test(file));
      expect(bundleFiles.length).toBeGreaterThan(1);
      for (const file of bundleFiles) {
        const text = fs.readFileSync(path.join(BUILD, file), 'utf8');
        const relative = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)].map((m) => m[1] as string);
        expect(
          relative.filter((specifier) => !/^\.\/crossroads-[A-Z0-9]+\.mjs$/.test(specifier)),
          file,
        ).toEqual([]);
      }
    });
  });
});
