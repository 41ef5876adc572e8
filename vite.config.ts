import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repository = path.dirname(fileURLToPath(import.meta.url));

// The server serves dist/web under a CSP of script-src 'self' and connect-src 'self': the build
// must hold no inline script and the client must talk to its own origin only.
export default defineConfig({
  root: path.join(repository, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(repository, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // Keep the browser's Host header: the server compares it with Origin on every write.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
