import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What is worth compressing: text formats; images such as PNG are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|map|webmanifest)$/;
/** Below this, the headers weigh more than the saving. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a built directory, at the
 * strongest settings (done once per build, so the server only picks a file and never compresses
 * on the fly). A compressed copy that would not be smaller is not written.
 */
export async function precompress(directory) {
  const written = [];
  for (const entry of fs.readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    // Vite's own notes (the manifest) are read by tests, never served.
    if (path.relative(directory, file).startsWith('.vite')) continue;
    const content = fs.readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    for (const [suffix, compressed] of [
      ['.br', br],
      ['.gz', gz],
    ]) {
      if (compressed.length >= content.length) continue;
      fs.writeFileSync(file + suffix, compressed);
      written.push(file + suffix);
    }
  }
  return written;
}

/** The same step as a Vite plugin: runs once the bundle is written. */
export function precompressPlugin() {
  let outDir = '';
  return {
    name: 'crossroads-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await precompress(outDir);
    },
  };
}
