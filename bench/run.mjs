// `npm run bench`: builds if needed, then runs every benchmark. Each figure is one JSON line on
// standard output; progress and notes go to standard error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import * as conferences from './conferences.mjs';
import * as consensus from './consensus.mjs';
import * as directory from './directory.mjs';
import * as imports from './imports.mjs';
import * as incidents from './incidents.mjs';
import { CLI, dropTemplates, figure, loadAverage, QUICK, ROOT } from './lib.mjs';
import * as library from './library.mjs';
import * as notifications from './notifications.mjs';
import * as platform from './platform.mjs';
import * as reports from './reports.mjs';
import * as roster from './roster.mjs';
import * as soak from './soak.mjs';
import * as solidarity from './solidarity.mjs';
import * as training from './training.mjs';
import * as warning from './warning.mjs';

const suites = {
  platform,
  solidarity,
  warning,
  directory,
  imports,
  roster,
  reports,
  incidents,
  training,
  library,
  notifications,
  conferences,
  consensus,
  soak,
};
// `npm run bench -- --quick platform`: flags are not suite names.
const only = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));

if (!fs.existsSync(CLI)) execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
const began = performance.now();
process.stderr.write(
  `bench: ${QUICK ? 'quick run' : 'full run'}, load average ${loadAverage().join(' ')} on ${os.cpus().length} cores\n`,
);
try {
  for (const [name, suite] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const started = performance.now();
    process.stderr.write(`bench: ${name}, load average ${loadAverage().join(' ')}\n`);
    await suite.run();
    process.stderr.write(
      `bench: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadAverage().join(' ')}\n`,
    );
  }
} finally {
  await dropTemplates();
}
figure('bench.duration', (performance.now() - began) / 1000, 's', { quick: QUICK, load: loadAverage(), cores: os.cpus().length });
