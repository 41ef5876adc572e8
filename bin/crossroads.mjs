#!/usr/bin/env node
// Entry point of `npm start` and of the operator's CLI: builds the platform when the build is
// missing or older than the sources, then hands over to the compiled CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
}

function build(script, label) {
  process.stderr.write(`Building the ${label}…\n`);
  execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

// A build from before the server was bundled has no crossroads.mjs: it is stale too.
const serverStale =
  Math.min(builtAt('dist/server/.built'), builtAt('dist/server/crossroads.mjs')) <
  Math.max(newestMtime(path.join(root, 'src', 'server')), newestMtime(path.join(root, 'src', 'cli')));
if (serverStale) build('build:server', 'server');
const webStale = builtAt('dist/web/index.html') < newestMtime(path.join(root, 'src', 'web'));
if (webStale) build('build:web', 'web client');

await import(pathToFileURL(path.join(root, 'dist', 'server', 'crossroads.mjs')).href);
