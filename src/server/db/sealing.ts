// Values sealed at rest: AES-256-GCM under a key the database does not hold, so that a copy of the
// database (a dump, a backup, a stolen disk) does not open them. Each use derives its own AES key
// from the configured key (or one kept in a file of the data directory) and binds each value to
// its row, so that a value copied to another row does not open either.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a use's key comes from, and what it is derived for. */
export interface SealingKey {
  /** The key set in the configuration, when there is one. */
  configured: string | undefined;
  /** The data directory: the key is kept there, in `fileName`, when none is configured. */
  dataDir: string;
  fileName: string;
  /** What the AES key is derived for: two uses never share one. */
  purpose: string;
}

/** Drawn once per process, for an in-memory database, which does not outlive the process either. */
const PROCESS_KEY = randomBytes(32).toString('base64');
const derived = new Map<string, Buffer>();

/** The file of the data directory that keeps a use's key when none is configured. */
export function keptKeyPath(dataDir: string, fileName: string): string {
  return path.join(dataDir, fileName);
}

function keyMaterial(source: SealingKey): string {
  if (source.configured) return source.configured;
  if (source.dataDir === 'memory://') return PROCESS_KEY;
  const file = keptKeyPath(source.dataDir, source.fileName);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: of two processes starting at once, one writes the key and the other reads it.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The AES key of a use, derived once per key and purpose. */
function aesKey(source: SealingKey): Buffer {
  const material = keyMaterial(source);
  const cacheKey = `${source.purpose}\u0000${material}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', material, 'crossroads', source.purpose, 32));
    derived.set(cacheKey, key);
  }
  return key;
}

/** Whether a stored value is in the sealed form (as opposed to a value kept before sealing existed). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The value as the database keeps it: sealed under the use's key, bound to `boundTo`. */
export function seal(source: SealingKey, boundTo: string, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', aesKey(source), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** Why a sealed value did not open. */
export type SealFailure = 'unknown form' | 'too short' | 'wrong key';

export class SealError extends Error {
  constructor(readonly reason: SealFailure) {
    super(`The sealed value cannot be opened (${reason}).`);
  }
}

/** The value from its sealed form; throws a SealError when it cannot be opened (another key, another row). */
export function open(source: SealingKey, boundTo: string, stored: string): string {
  if (!isSealed(stored)) throw new SealError('unknown form');
  const payload = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new SealError('too short');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(source), payload.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(payload.subarray(payload.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealError('wrong key');
  }
}
