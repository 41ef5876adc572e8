import { fileURLToPath } from 'node:url';

/**
 * A file the server reads at run time (data, migrations, a worker's module), by its path under the
 * server's folder: `serverFile('db/migrations')`. This module sits at the root of that folder in the
 * sources, in the compiled build and, bundled, in the one file `crossroads.mjs` beside them, so the
 * path is the same wherever the code runs from.
 */
export function serverFile(relative: string): URL {
  return new URL(relative, import.meta.url);
}

/** The same as a file-system path. */
export function serverPath(relative: string): string {
  return fileURLToPath(serverFile(relative));
}
