import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { BackupError, verifyBackup } from '../server/backup/format.js';
import { type RestoreResult, restoreBackup } from '../server/backup/restore.js';
import { writeSnapshot } from '../server/backup/snapshot.js';
import type { Config } from '../server/config.js';
import { type Database, openDatabase } from '../server/db/connection.js';
import { DataDirectoryInUseError } from '../server/db/data-dir.js';

async function* splitLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** The lines of a backup file, gunzipped when it is compressed. */
export function fileLines(file: string): AsyncIterable<string> {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const source = fs.createReadStream(file);
  if (!isGzip(file)) return splitLines(source);
  const gunzip = zlib.createGunzip();
  pipeline(source, gunzip).catch(() => {}); // an error reaches the reader through gunzip
  return splitLines(gunzip);
}

/**
 * Writes a backup file safely: into a private temporary file beside it (mode 0600: it holds
 * personal data and password hashes), gzipped when the name ends in .gz, checked whole once
 * written, flushed to disk, and only then renamed into place. A failed backup leaves no file.
 */
async function writeBackupFile(file: string, produce: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<void>) {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  const output = fs.createWriteStream(partial, { mode: 0o600, flags: 'wx' });
  const sink: Transform = target.endsWith('.gz') ? zlib.createGzip() : new PassThrough();
  const done = pipeline(sink, output);
  try {
    await produce(async (chunk) => {
      if (!sink.write(chunk)) await once(sink, 'drain');
    });
    sink.end();
    await done;
    await verifyBackup(fileLines(partial));
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, target);
    const dir = fs.openSync(path.dirname(target), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch (error) {
    sink.destroy();
    await done.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Opens the configured database as it is: no migration, no reference data, nothing written. */
async function openAsIs(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
}

interface ServerCredentials {
  email: string | undefined;
  password: string | undefined;
  /** A code from the co-ordinator's authenticator app, for the second step of signing in. */
  code?: string | undefined;
}

/** Fetches the backup from a running server's GET /api/backup, signed in as a co-ordinator. */
async function backupThroughServer(file: string, server: string, credentials: ServerCredentials): Promise<void> {
  if (!credentials.email || !credentials.password) {
    throw new BackupError(
      'The backup must be taken through the running server: set CROSSROADS_EMAIL and CROSSROADS_PASSWORD to a co-ordinator’s credentials.',
    );
  }
  const base = server.replace(/\/+$/, '');
  const call = async (pathname: string, init: RequestInit) => {
    try {
      return await fetch(`${base}${pathname}`, init);
    } catch {
      throw new BackupError(`No Crossroads server answers at ${base}. Start it, or name it with --server URL.`);
    }
  };
  const login = await call('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (login.status !== 200) {
    throw new BackupError(`The server refused to sign in ${credentials.email} (HTTP ${login.status}).`);
  }
  const session = (await login.json()) as {
    mustChangePassword: boolean;
    csrfToken: string;
    secondFactorStep?: 'verify' | 'enrol' | null;
  };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  try {
    if (session.secondFactorStep === 'enrol')
      throw new BackupError(`${credentials.email} must first set up two-factor sign-in in the browser.`);
    if (session.secondFactorStep === 'verify') {
      if (!credentials.code)
        throw new BackupError(
          `${credentials.email} signs in with two factors: set CROSSROADS_CODE to the code their authenticator app shows now.`,
        );
      const verified = await call('/api/auth/second-factor/verify', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ code: credentials.code }),
      });
      if (verified.status !== 200)
        throw new BackupError(
          `The server refused the code in CROSSROADS_CODE (HTTP ${verified.status}): each code works once, within a minute.`,
        );
      // The completed sign-in has a CSRF token of its own: the sign-out below needs it.
      const full = (await verified.json().catch(() => ({}))) as { csrfToken?: string };
      if (full.csrfToken) session.csrfToken = full.csrfToken;
    }
    if (session.mustChangePassword)
      throw new BackupError(`${credentials.email} must first change their password in the browser.`);
    const response = await call('/api/backup', { headers: { cookie } });
    if (response.status === 403)
      throw new BackupError(`${credentials.email} may not take backups: a co-ordinator’s account is needed.`);
    if (response.status !== 200 || !response.body)
      throw new BackupError(`The server could not take the backup (HTTP ${response.status}).`);
    const body = response.body;
    await writeBackupFile(file, async (write) => {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) await write(chunk);
    });
  } finally {
    await call('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': session.csrfToken } }).catch(() => {});
  }
}

export interface BackupOutcome {
  via: 'database' | 'server';
  server?: string;
}

/**
 * `crossroads backup FILE`: a consistent snapshot of the database. A PostgreSQL server, or an
 * embedded database no server is using, is read directly in one REPEATABLE READ transaction; an
 * embedded database locked by its running server is backed up through that server.
 */
export async function backupCommand(
  file: string,
  config: Config,
  options: { server?: string | undefined; credentials: ServerCredentials },
): Promise<BackupOutcome> {
  if (fs.existsSync(file)) throw new BackupError(`The file ${file} already exists: name a new file.`);
  if (options.server) {
    await backupThroughServer(file, options.server, options.credentials);
    return { via: 'server', server: options.server };
  }
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
    throw new BackupError(`There is no embedded database in ${config.dataDir} (DATA_DIR) to back up.`);
  }
  let database: Database;
  try {
    database = await openAsIs(config);
  } catch (error) {
    if (!(error instanceof DataDirectoryInUseError)) throw error;
    const server = `http://127.0.0.1:${config.port}`;
    await backupThroughServer(file, server, options.credentials);
    return { via: 'server', server };
  }
  try {
    await writeBackupFile(file, async (write) => {
      await writeSnapshot(database.db, database.backend, write);
    });
  } finally {
    await database.close();
  }
  return { via: 'database' };
}

/** `crossroads restore FILE [--replace]`: all or nothing, into the configured database; servers must be stopped. */
export async function restoreCommand(file: string, config: Config, options: { replace: boolean }): Promise<RestoreResult> {
  await verifyBackup(fileLines(file));
  let database: Database;
  try {
    database = await openAsIs(config);
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) {
      throw new BackupError(`${error.message} Stop the server before restoring a backup into its database.`);
    }
    throw error;
  }
  try {
    return await restoreBackup(database.db, () => fileLines(file), options);
  } finally {
    await database.close();
  }
}
