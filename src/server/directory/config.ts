import { integer } from '../config.js';

/** The directory's settings, read from the environment once and checked by the platform's own rules. */
export interface DirectoryConfig {
  /** A contact not confirmed for this many days is flagged stale. */
  staleAfterDays: number;
  /** The largest 3W spreadsheet an import accepts, in bytes. */
  importMaxBytes: number;
  /** How far a search counts the matches of each kind; past it, it says "more than" and ranks what it found. */
  searchCountLimit: number;
}

export function loadDirectoryConfig(env: NodeJS.ProcessEnv = process.env): DirectoryConfig {
  return {
    staleAfterDays: integer(env, 'DIRECTORY_STALE_AFTER_DAYS', 180, 1, 3650),
    importMaxBytes: integer(env, 'DIRECTORY_IMPORT_MAX_BYTES', 32 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    searchCountLimit: integer(env, 'DIRECTORY_SEARCH_COUNT_LIMIT', 1000, 100, 100_000),
  };
}

let current: DirectoryConfig | undefined;

/** The settings in force; read at start-up (the routes read them when registered), so a bad value stops the server. */
export function directoryConfig(): DirectoryConfig {
  current ??= loadDirectoryConfig();
  return current;
}
