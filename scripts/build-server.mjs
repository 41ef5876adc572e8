// Compiles the server and the CLI to dist/ and copies what they read at run time beside them:
// the SQL migrations, the plain-JavaScript modules that worker threads load (*.mjs: the embedded
// database, photo cleaning, spreadsheet reading), and the reference data. It then fails if any
// compiled file imports test code (a test library or a test-support file). Last, it bundles the
// compiled CLI and server into dist/server/crossroads.mjs (and the chunks it loads when it needs
// them), which `npm start` runs: a few files load in a fraction of the time of some 1,300 modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describeTestImports, findTestImports } from './shipped-imports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

fs.rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
fs.rmSync(path.join(root, 'dist', 'cli'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const copies = [
  ['src/server/db/migrations', 'dist/server/db/migrations'],
  ['src/server/consensus/exports/akn-schema', 'dist/server/consensus/exports/akn-schema'],
];
// Every plain-JavaScript module beside the sources: worker threads load them by path, tsc does not copy them.
for (const file of fs.readdirSync(path.join(root, 'src', 'server'), { recursive: true })) {
  if (String(file).endsWith('.mjs') && !/(^|[/\\])test-support[/\\]/.test(String(file)))
    copies.push([`src/server/${file}`, `dist/server/${file}`]);
}
// Every domain's shipped data (src/server/<domain>/data), less the sources tsc has compiled.
for (const domain of fs.readdirSync(path.join(root, 'src', 'server'))) {
  if (fs.existsSync(path.join(root, 'src', 'server', domain, 'data'))) {
    copies.push([`src/server/${domain}/data`, `dist/server/${domain}/data`]);
  }
}
for (const [from, to] of copies) {
  fs.cpSync(path.join(root, from), path.join(root, to), {
    recursive: true,
    filter: (source) => !/\.(ts|tsx)$/.test(source),
  });
}

const testImports = findTestImports([path.join(root, 'dist', 'server'), path.join(root, 'dist', 'cli')]);
if (testImports.length > 0) {
  console.error(describeTestImports(testImports, root));
  process.exit(1);
}
// The packages of many small modules go into the bundle; the others stay in node_modules, where
// they find their own files (WebAssembly, native modules, fonts) as they expect to.
const BUNDLED_PACKAGES = new Set(['kysely', '@sinclair/typebox']);
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
await build({
  entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
  // Beside src/server/paths.ts's compiled file, so that the files it locates are found from either.
  outdir: path.join(root, 'dist', 'server'),
  entryNames: 'crossroads',
  outExtension: { '.js': '.mjs' },
  // The modules the CLI loads when it needs them (the server, once the embedded database has begun
  // to open) stay apart, in chunks beside it, with the packages they import.
  splitting: true,
  chunkNames: 'crossroads-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      name: 'packages-outside',
      setup(bundler) {
        bundler.onResolve({ filter: /^[^./]/ }, (args) =>
          BUNDLED_PACKAGES.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

fs.writeFileSync(path.join(root, 'dist', 'server', '.built'), new Date().toISOString());
