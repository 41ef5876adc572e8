// What the server build must never ship: the test runner, the property-testing and browser
// libraries, and anything from a test-support folder. The build scans the compiled files for
// imports of them and fails, so test code cannot reach a production install by an import.
import fs from 'node:fs';
import path from 'node:path';

const FORBIDDEN_PACKAGES = ['vitest', '@vitest', 'fast-check', 'playwright-core'];

// Static imports and re-exports (`from '…'`), bare imports (`import '…'`), dynamic imports and require().
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])([^'"`]+)\1/g;

/** Whether an import specifier names a test-only package or a file under a test-support folder. */
export function isTestImport(specifier) {
  if (FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) return true;
  return /(^|[/\\])test-support([/\\]|$)/.test(specifier);
}

/**
 * Every .js and .mjs file under the given folders that imports test code, with what it imports; a
 * compiled file that itself sits in a test-support folder is reported with no specifier.
 */
export function findTestImports(folders) {
  const found = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { recursive: true })) {
      const file = path.join(folder, String(entry));
      if (!/\.(m?js)$/.test(file) || !fs.statSync(file).isFile()) continue;
      if (/(^|[/\\])test-support[/\\]/.test(String(entry))) found.push({ file, specifier: null });
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(SPECIFIER)) {
        const specifier = match[2];
        if (isTestImport(specifier)) found.push({ file, specifier });
      }
    }
  }
  return found;
}

/** The build's failure message, one line per offending file. */
export function describeTestImports(found, root) {
  const lines = found.map(({ file, specifier }) =>
    specifier === null
      ? `  ${path.relative(root, file)} is a test-support file`
      : `  ${path.relative(root, file)} imports ${specifier}`,
  );
  return [
    'The build ships test code: these compiled files import a test library or a test-support file.',
    ...lines,
    'Move test helpers under src/server/test-support/ (which the build excludes) and import them only from *.test.ts files.',
  ].join('\n');
}
