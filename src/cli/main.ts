import { parseArgs } from 'node:util';
import { BackupError } from '../server/backup/format.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { DataDirectoryInUseError, startEmbeddedDatabase } from '../server/db/data-dir.js';
import { problemFromDatabaseError } from '../server/http/database-errors.js';
import { PROBLEMS, Problem } from '../server/http/problems.js';
import { fail } from './fail.js';

// The operator's command line. `serve` (what npm start runs) starts opening the embedded database
// before it loads the server's code, which then loads while the database opens in its own thread;
// the other commands are in commands.ts. This module imports nothing heavier than those two need.

async function serve(args: string[]) {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } }, strict: true });
  const config = loadConfig();
  const embedded = config.databaseUrl || config.dataDir === 'memory://' ? undefined : startEmbeddedDatabase(config.dataDir);
  const { startServer } = await import('../server/main.js');
  const { app, stop } = await startServer(config, { demo: values.demo, embedded });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal} received: stopping`);
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

export async function main(argv: string[]) {
  const [command, ...args] = argv;
  if (command === undefined || command === 'serve') return serve(args);
  const { run } = await import('./commands.js');
  return run(command, args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError || error instanceof BackupError)
    fail(error.message);
  const problem = error instanceof Problem ? error : problemFromDatabaseError(error);
  if (problem) fail(problem.detail ?? PROBLEMS[problem.code].title);
  process.stderr.write(`crossroads: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
