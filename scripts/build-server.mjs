// Compiles the server and the CLI to dist/ and copies what they read at run time beside them:
// the SQL migrations, the embedded database's worker, and the reference data.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

fs.rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
fs.rmSync(path.join(root, 'dist', 'cli'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const copies = [
  ['src/server/db/migrations', 'dist/server/db/migrations'],
  ['src/server/db/pglite-worker.mjs', 'dist/server/db/pglite-worker.mjs'],
  ['src/server/reference/data', 'dist/server/reference/data'],
];
for (const [from, to] of copies) {
  fs.cpSync(path.join(root, from), path.join(root, to), { recursive: true });
}
fs.writeFileSync(path.join(root, 'dist', 'server', '.built'), new Date().toISOString());
