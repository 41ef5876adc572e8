import type { FastifyInstance } from 'fastify';
import { sealPlainSecrets } from './auth/second-factor/sealing.js';
import type { Config } from './config.js';
import { type Database, openDatabase, openingDatabase } from './db/connection.js';
import { dataDirectoryWarning, type EmbeddedOpening } from './db/data-dir.js';
import { migrate, readMigrations } from './db/migrate.js';
import type { Domain } from './domains.js';
import { startJobRunner } from './jobs/runner.js';
import { seedReferenceData } from './reference/seed.js';
import { sealStoredSigningKey } from './training/certificates/key-sealing.js';
import { ensureFirstCoordinator } from './users/bootstrap.js';

export const PGLITE_WARNING =
  'The embedded PGlite database is meant for trying Crossroads, for development and for small offices: ' +
  'it runs in one process and does not flush its writes to disk with fsync, so a power cut can lose recent changes. ' +
  'Production data belongs on a PostgreSQL server (set DATABASE_URL).';

/** Opens the configured database, brings its schema up to date and loads the reference data. */
export async function prepareDatabase(config: Config, embedded?: EmbeddedOpening): Promise<Database & { applied: string[] }> {
  // Read while the database opens.
  const migrations = readMigrations();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    embedded,
  });
  try {
    const applied = await migrate(database.db, migrations);
    // Two-factor secrets enrolled before they were sealed: the database has no key to seal them with.
    await sealPlainSecrets(database.db, config);
    // Likewise a certificate signing key drawn before it was sealed.
    await sealStoredSigningKey(database.db, config);
    await seedReferenceData(database.db);
    return { ...database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** How long after it starts listening the server begins compiling the schemas no request has needed yet. */
const WARM_AFTER_MS = 2_000;

function printFirstCoordinator(email: string, oneTimePassword: string, port: number) {
  const line = '='.repeat(72);
  process.stdout.write(
    `\n${line}\n  The first co-ordinator account has been created.\n` +
      `  Sign in at http://localhost:${port}/ with\n` +
      `    email:              ${email}\n` +
      `    one-time password:  ${oneTimePassword}\n` +
      `  This password is shown only once and must be changed at first sign-in.\n${line}\n\n`,
  );
}

/** What the domains tell the operator about the demonstration data (a passphrase, say), framed like the first account. */
async function demonstrationNotices(database: Database): Promise<string> {
  const { DOMAINS } = await import('./domains.js');
  const lines: string[] = [];
  for (const domain of DOMAINS) if (domain.demoNotice) lines.push(...(await domain.demoNotice(database.db)));
  if (lines.length === 0) return '';
  const line = '='.repeat(72);
  return `\n${line}\n${lines.map((l) => `  ${l}`).join('\n')}\n${line}\n\n`;
}

/** Adds every domain's demonstration data set; each is deterministic and safe to run again. */
export async function seedDemonstrationData(
  database: Database,
  progress: (step: { domain: string; done: number; total: number; seconds: number | null }) => void = () => {},
): Promise<string[]> {
  const { DOMAINS } = await import('./domains.js');
  const seeded: string[] = [];
  const domains = DOMAINS.filter((domain) => domain.seedDemo);
  for (const domain of domains) {
    progress({ domain: domain.name, done: seeded.length, total: domains.length, seconds: null });
    const started = Date.now();
    await domain.seedDemo?.(database.db);
    seeded.push(domain.name);
    progress({ domain: domain.name, done: seeded.length, total: domains.length, seconds: (Date.now() - started) / 1000 });
  }
  return seeded;
}

/** Starts the whole platform: database, first account, HTTP server and scheduled jobs. */
export async function startServer(
  config: Config,
  options: { demo?: boolean; embedded?: EmbeddedOpening } = {},
): Promise<{ app: FastifyInstance; database: Database; stop: () => Promise<void> }> {
  // The routes' code (every domain) loads and registers on this thread while the embedded database
  // opens in its own and is brought up to date: the two overlap instead of adding up. Registering
  // asks nothing of the database; whatever needs it waits for the server to be ready.
  const preparing = prepareDatabase(config, options.embedded);
  preparing.catch(() => {}); // awaited below, once the routes are registered
  let built: FastifyInstance | undefined;
  let DOMAINS: Domain[] = [];
  let buildError: unknown;
  try {
    const [{ build }, domains] = await Promise.all([import('./app.js'), import('./domains.js')]);
    DOMAINS = domains.DOMAINS;
    built = await build(config, openingDatabase(config.databaseUrl ? 'postgres' : 'pglite', preparing));
  } catch (error) {
    buildError = error;
  }
  let database: Database;
  try {
    database = await preparing;
  } catch (error) {
    // The database's failure (in use, unreachable, a failed migration) is the one the operator must see.
    await built?.close();
    throw error;
  }
  if (!built) {
    await database.close();
    throw buildError;
  }
  const app = built;
  let warming: NodeJS.Timeout | undefined;
  try {
    const first = await ensureFirstCoordinator(database.db, { email: config.adminEmail, password: config.adminPassword });
    const log = app.log;
    // The demonstration takes a while on a slow machine: say what it is doing, domain by domain.
    const demo = options.demo
      ? await seedDemonstrationData(database, ({ domain, done, total, seconds }) =>
          seconds === null
            ? log.info({ domain, step: done + 1, of: total }, `Adding demonstration data: ${domain} (${done + 1} of ${total})`)
            : log.info({ domain, seconds }, `Demonstration data added: ${domain} in ${seconds.toFixed(1)} s`),
        )
      : undefined;
    if (demo) app.log.info({ domains: demo }, 'Demonstration data added');
    const notices = options.demo ? await demonstrationNotices(database) : '';
    if (database.backend === 'pglite') app.log.warn(PGLITE_WARNING);
    const fileSystem = database.backend === 'pglite' ? dataDirectoryWarning(config.dataDir) : undefined;
    if (fileSystem) app.log.warn(fileSystem);
    await app.listen({ port: config.port, host: config.host });
    app.log.info({ database: database.backend, port: config.port }, 'Crossroads is listening');
    if (first?.oneTimePassword) printFirstCoordinator(first.email, first.oneTimePassword, config.port);
    else if (first) app.log.info('The first co-ordinator account was created with the configured email and password.');
    if (notices) process.stdout.write(notices);
    // What no request has compiled yet, a few schemas at a time between requests; not at once, so
    // that the first requests after a start (a probe, the first page) do not queue behind it.
    warming = setTimeout(() => app.schemas.warm().catch(() => {}), WARM_AFTER_MS);
  } catch (error) {
    await database.close();
    throw error;
  }
  const jobs = startJobRunner(
    database.db,
    DOMAINS.flatMap((domain) => domain.jobs ?? []),
    { log: app.log, periodSeconds: config.jobPeriodSeconds },
  );
  const workers = DOMAINS.flatMap((domain) => domain.workers ?? []).map((worker) =>
    worker.start(database.db, config, app.log.child({ worker: worker.name })),
  );
  let jobsStopped = false;
  app.runtime.jobs = () => (jobsStopped ? 'stopped' : 'running');
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      jobsStopped = true;
      clearTimeout(warming);
      await jobs.stop();
      await Promise.all(workers.map((worker) => worker.stop()));
      await app.close();
      await database.close();
    })();
    return stopping;
  };
  return { app, database, stop };
}
