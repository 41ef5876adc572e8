import { parseArgs } from 'node:util';
import { ROLE_SCOPES, ROLES, type Role } from '../server/access/roles.js';
import { generateOneTimePassword, hashPassword, passwordWeakness } from '../server/auth/passwords.js';
import { loadConfig } from '../server/config.js';
import { prepareDatabase } from '../server/main.js';
import { seedReferenceData } from '../server/reference/seed.js';
import { createAccount, resetAccountPassword } from './accounts.js';
import { backupCommand, restoreCommand } from './backup.js';
import { DIRECTORY_USAGE, export3w, import3w } from './directory.js';
import { fail } from './fail.js';
import { INCIDENTS_USAGE, incidents } from './incidents.js';
import { MISSIONS_USAGE, missions } from './missions.js';
import { REPORTS_USAGE, reports } from './reports.js';
import { SOLIDARITY_USAGE, solidarity } from './solidarity.js';
import { TRAINING_USAGE, training } from './training.js';
import { importIndicators, WARNING_USAGE } from './warning.js';

const USAGE = `Usage: crossroads <command> [options]

Commands:
  serve [--demo]                start the platform (what npm start runs); --demo adds
                                a realistic demonstration data set
  migrate                       apply pending database migrations
  seed                          load the shipped reference data (rows already present are kept)
  user create --email E --name N [--role R] [--country XX | --organisation CODE]
                                create an account; prints its one-time password
  user reset-password --email E issue a new one-time password and end the account's sessions
  backup FILE [--server URL]    write a consistent backup of the whole database to FILE (gzipped
                                when FILE ends in .gz); an embedded database in use by its server
                                is backed up through that server, signed in as the co-ordinator
                                CROSSROADS_EMAIL / CROSSROADS_PASSWORD
  restore FILE [--replace]      restore a backup, all or nothing, into an empty database (stop the
                                servers first); --replace replaces a database that holds data
${SOLIDARITY_USAGE}
${WARNING_USAGE}
${DIRECTORY_USAGE}
${MISSIONS_USAGE}
${REPORTS_USAGE}
${INCIDENTS_USAGE}
${TRAINING_USAGE}

The database is the one the environment names: DATABASE_URL, or else the embedded
database in DATA_DIR (default ./data). See the README for every setting.`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof prepareDatabase>>) => Promise<T>): Promise<T> {
  const database = await prepareDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function user(args: string[]) {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      country: { type: 'string' },
      organisation: { type: 'string' },
      language: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email) fail('--email is required.');
  if (action === 'create') {
    if (!values.name) fail('--name is required.');
    const role = (values.role ?? 'coordinator') as Role;
    if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
    const scopeType = values.country ? 'country' : values.organisation ? 'organisation' : 'global';
    if (!ROLE_SCOPES[role].includes(scopeType)) fail(`The role ${role} is granted on: ${ROLE_SCOPES[role].join(', ')}.`);
    const password = generateOneTimePassword();
    if (passwordWeakness(password, { email: values.email, name: '' })) fail('Could not generate a password.');
    await withDatabase((database) =>
      createAccount(database.db, {
        email: values.email as string,
        name: values.name as string,
        language: values.language ?? 'en',
        passwordHash: hashPassword(password),
        role,
        country: values.country,
        organisationCode: values.organisation,
      }),
    );
    process.stdout.write(`Created ${values.email} (${role}). One-time password, shown once:\n  ${password}\n`);
  } else if (action === 'reset-password') {
    const password = generateOneTimePassword();
    await withDatabase((database) => resetAccountPassword(database.db, values.email as string, hashPassword(password)));
    process.stdout.write(`New one-time password for ${values.email}, shown once:\n  ${password}\n`);
  } else {
    fail(`unknown user command "${action ?? ''}".\n\n${USAGE}`);
  }
}

async function backup(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { server: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) fail('backup takes one file name: crossroads backup FILE [--server URL].');
  const env = process.env;
  const outcome = await backupCommand(file, loadConfig(), {
    server: values.server,
    credentials: {
      email: env.CROSSROADS_EMAIL || env.CROSSROADS_ADMIN_EMAIL,
      password: env.CROSSROADS_PASSWORD || env.CROSSROADS_ADMIN_PASSWORD,
      code: env.CROSSROADS_CODE || undefined,
    },
  });
  const via = outcome.via === 'server' ? ` through the server at ${outcome.server}` : '';
  process.stdout.write(`Backup written to ${file}${via}.\n`);
}

async function restore(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { replace: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) fail('restore takes one file name: crossroads restore FILE [--replace].');
  const result = await restoreCommand(file, loadConfig(), { replace: values.replace ?? false });
  process.stdout.write(
    `Restored ${result.rows} rows in ${result.tables} tables from the backup of ${result.header.createdAt} ` +
      `(taken on ${result.header.source})${result.replaced ? ', replacing what the database held' : ''}.\n` +
      (result.migrated.length ? `Then applied the newer migrations: ${result.migrated.join(', ')}.\n` : ''),
  );
}

/** Runs one of the operator's commands other than `serve`, with every domain registered (their verbs, audits and jobs). */
export async function run(command: string, args: string[]) {
  await import('../server/domains.js');
  switch (command) {
    case 'migrate': {
      const applied = await withDatabase(async (database) => database.applied);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      return;
    }
    case 'seed':
      await withDatabase((database) => seedReferenceData(database.db, { force: true }));
      process.stdout.write('Reference data loaded.\n');
      return;
    case 'user':
      return user(args);
    case 'backup':
      return backup(args);
    case 'restore':
      return restore(args);
    case 'missions':
      return missions(args);
    case 'reports':
      return reports(args);
    case 'solidarity':
      return solidarity(args);
    case 'incidents':
      return incidents(args);
    case 'training':
      return training(args);
    case 'import':
      if (args[0] === 'indicators') return importIndicators(args.slice(1));
      if (args[0] === '3w') return import3w(args.slice(1));
      return fail(`unknown import "${args[0] ?? ''}".\n\n${USAGE}`);
    case 'export':
      if (args[0] === '3w') return export3w(args.slice(1));
      return fail(`unknown export "${args[0] ?? ''}".\n\n${USAGE}`);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      fail(`unknown command "${command}".\n\n${USAGE}`);
  }
}
