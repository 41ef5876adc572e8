// `npm run bench`: builds if needed, then runs every benchmark. Each figure is one JSON line on
// standard output; progress and notes go to standard error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import * as directory from './directory.mjs';
import * as incidents from './incidents.mjs';
import { CLI, ROOT } from './lib.mjs';
import * as notifications from './notifications.mjs';
import * as platform from './platform.mjs';
import * as reports from './reports.mjs';
import * as roster from './roster.mjs';
import * as soak from './soak.mjs';
import * as solidarity from './solidarity.mjs';
import * as warning from './warning.mjs';

const suites = { platform, solidarity, warning, directory, roster, reports, incidents, notifications, soak };
const only = process.argv.slice(2);

if (!fs.existsSync(CLI)) execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
for (const [name, suite] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}\n`);
  await suite.run();
}
