import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type EmbeddedStart, PgliteWorker } from './embedded.js';

export class DataDirectoryInUseError extends Error {}

const LOCK_FILE = 'crossroads.lock';
const DATABASE_DIR = 'pgdata';
const INIT_PREFIX = 'pgdata.init-';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory's lock file; PGlite corrupts its files when two processes open them.
 * A lock left by a process that no longer runs on this host is taken over.
 * Returns the function that releases the lock.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // The lock is already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        // An unreadable lock file was left half-written by a killed process: treat it as stale.
      }
      const stale = holder.pid === undefined || (holder.host === os.hostname() && !processIsAlive(holder.pid));
      if (!stale) {
        throw new DataDirectoryInUseError(
          `Another Crossroads process (pid ${holder.pid} on ${holder.host}) is using the data directory ${dataDir}. ` +
            'The embedded database can be opened by one process only: stop that process, or set DATA_DIR to another directory, ' +
            'or run several servers on a PostgreSQL server (DATABASE_URL).',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirectoryInUseError(`Could not take the lock on the data directory ${dataDir}.`);
}

/** Linux file-system types on which the embedded database is not safe (statfs magic numbers). */
const UNSAFE_FILESYSTEMS: Record<number, string> = {
  26985: 'an NFS network file system',
  4283649346: 'a CIFS network file system',
  4266872130: 'an SMB network file system',
  20859: 'an SMB network file system',
  16914836: 'tmpfs, in memory',
};

/**
 * Why the data directory's file system puts the embedded database at risk, if it does: on a
 * network file system the lock keeps out only processes of this machine and writes may not
 * survive as on a local disk; on tmpfs everything is gone at the next restart of the machine.
 */
export function dataDirectoryWarning(dataDir: string): string | undefined {
  if (dataDir === 'memory://') return undefined;
  let type: number;
  try {
    type = Number(fs.statfsSync(dataDir).type);
  } catch {
    return undefined;
  }
  const kind = UNSAFE_FILESYSTEMS[type];
  if (!kind) return undefined;
  return (
    `DATA_DIR (${dataDir}) is on ${kind}. The embedded database needs a local disk: ` +
    (type === 0x01021994
      ? 'this one is lost when the machine restarts.'
      : 'another machine could open it at the same time and corrupt it, and writes may be lost.') +
    ' Move DATA_DIR to a local disk, or use a PostgreSQL server (DATABASE_URL).'
  );
}

/**
 * Opens the embedded database in dataDir, creating it first if needed. Creation happens in a
 * scratch directory that is renamed into place only once complete, so a kill during the first
 * start never leaves a half-initialised database behind.
 */
export async function openEmbeddedDatabase(dataDir: string, start: EmbeddedStart = {}): Promise<PgliteWorker> {
  if (dataDir === 'memory://') {
    const worker = new PgliteWorker(dataDir, start);
    await worker.ready;
    return worker;
  }
  const databaseDir = path.join(dataDir, DATABASE_DIR);
  if (!fs.existsSync(databaseDir)) {
    for (const entry of fs.readdirSync(dataDir)) {
      if (entry.startsWith(INIT_PREFIX)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
    const scratch = path.join(dataDir, `${INIT_PREFIX}${process.pid}`);
    const initialiser = new PgliteWorker(scratch);
    await initialiser.ready;
    await initialiser.close();
    fs.renameSync(scratch, databaseDir);
    const dirFd = fs.openSync(dataDir, 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  }
  const worker = new PgliteWorker(databaseDir);
  await worker.ready;
  return worker;
}

/** An embedded database starting in its worker thread: the lock on its directory is held. */
export interface EmbeddedOpening {
  worker: Promise<PgliteWorker>;
  release: () => void;
}

/**
 * Takes the lock on dataDir and starts opening its embedded database, without waiting: the server
 * calls it before it loads the rest of its code, which then loads while the database opens.
 */
export function startEmbeddedDatabase(dataDir: string): EmbeddedOpening {
  const release = lockDataDirectory(dataDir);
  const worker = openEmbeddedDatabase(dataDir);
  worker.catch(() => {}); // awaited by openDatabase, which releases the lock when it fails
  return { worker, release };
}
