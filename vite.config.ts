import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './scripts/precompress.mjs';

const repository = path.dirname(fileURLToPath(import.meta.url));

/** A translation file, shared (`src/web/i18n/fr.json`) or a domain's (`src/web/<domain>/i18n/fr.json`). */
const WORDS = /\/src\/web\/(?:[^/]+\/)?i18n\/([a-z]{2})\.json$/;

/**
 * Libraries every page needs, each kept in a file of its own beside the application's entry: the
 * browser fetches them in parallel and keeps them across releases that do not upgrade them.
 * Only whole packages that the first page uses entirely belong here; the parts of Mantine that
 * only some pages use stay in those pages' chunks.
 */
const FRAMEWORKS: Array<[string, RegExp]> = [
  ['react', /\/node_modules\/(?:react|react-dom|scheduler)\//],
  ['tanstack', /\/node_modules\/@tanstack\//],
  ['i18next', /\/node_modules\/(?:i18next|react-i18next)\//],
  // Positions the header's menus and popovers.
  ['floating-ui', /\/node_modules\/@floating-ui\//],
];

/** One chunk per language for the words, one per framework; the rest split as Rollup decides. */
function manualChunks(id: string): string | undefined {
  const words = WORDS.exec(id);
  if (words) return `words-${words[1]}`;
  return FRAMEWORKS.find(([, pattern]) => pattern.test(id))?.[0];
}

// The server serves dist/web under a CSP of script-src 'self' and connect-src 'self': the build
// must hold no inline script and the client must talk to its own origin only.
export default defineConfig({
  root: path.join(repository, 'src/web'),
  // Each file is also written compressed (.br, .gz) for the server to send as it is.
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: path.join(repository, 'dist/web'),
    emptyOutDir: true,
    // The manifest names the entry chunk; a test holds it under its size budget.
    manifest: true,
    chunkSizeWarningLimit: 1000,
    rollupOptions: { output: { manualChunks } },
  },
  server: {
    // Keep the browser's Host header: the server compares it with Origin on every write.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
