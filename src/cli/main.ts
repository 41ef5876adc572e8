import { parseArgs } from 'node:util';
import { BackupError } from '../server/backup/format.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { DataDirectoryInUseError } from '../server/db/data-dir.js';
import { problemFromDatabaseError } from '../server/http/database-errors.js';
import { PROBLEMS, Problem } from '../server/http/problems.js';
import { startServer } from '../server/main.js';
import { fail } from './fail.js';

// The operator's command line. `serve` (what npm start runs) loads no more than starts the server,
// so that the database starts opening at once; the other commands are in commands.ts.

async function serve(args: string[]) {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } }, strict: true });
  const { app, stop } = await startServer(loadConfig(), { demo: values.demo });
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
