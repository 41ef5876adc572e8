import { ConfigError } from '../config.js';

/** The directory's settings, read from the environment once and checked like the platform's own. */
export interface DirectoryConfig {
  /** A contact not confirmed for this many days is flagged stale. */
  staleAfterDays: number;
  /** The largest 3W spreadsheet an import accepts, in bytes. */
  importMaxBytes: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}; it is "${raw}".`);
  }
  return value;
}

export function loadDirectoryConfig(env: NodeJS.ProcessEnv = process.env): DirectoryConfig {
  return {
    staleAfterDays: integer(env, 'DIRECTORY_STALE_AFTER_DAYS', 180, 1, 3650),
    importMaxBytes: integer(env, 'DIRECTORY_IMPORT_MAX_BYTES', 32 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  };
}

let current: DirectoryConfig | undefined;

/** The settings in force; read at start-up (the routes read them when registered), so a bad value stops the server. */
export function directoryConfig(): DirectoryConfig {
  current ??= loadDirectoryConfig();
  return current;
}
