import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The main script's budget before compression: what the browser must parse before the first page. */
const ENTRY_BUDGET_BYTES = 300_000;

const WEB_DIR = path.resolve('dist/web');
const MANIFEST = path.join(WEB_DIR, '.vite', 'manifest.json');
const built = fs.existsSync(MANIFEST);

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function manifest(): Record<string, ManifestChunk> {
  return JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
}

/** The entry chunk and every chunk it imports statically: what the first page load fetches. */
function firstLoad(chunks: Record<string, ManifestChunk>): ManifestChunk[] {
  const entry = Object.values(chunks).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The build manifest names no entry chunk.');
  const seen = new Set<ManifestChunk>();
  const visit = (chunk: ManifestChunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const key of chunk.imports ?? []) visit(chunks[key] as ManifestChunk);
  };
  visit(entry);
  return [...seen];
}

// `npm test` builds the web client first; run `npm run build:web` before this file on its own.
describe.skipIf(!built)('the web client build (skipped: no dist/web build manifest)', () => {
  it(`keeps the main script under ${ENTRY_BUDGET_BYTES / 1000} KB before compression`, () => {
    const entry = Object.values(manifest()).find((chunk) => chunk.isEntry) as ManifestChunk;
    const bytes = fs.statSync(path.join(WEB_DIR, entry.file)).size;
    expect(bytes, `${entry.file} is ${bytes} bytes`).toBeLessThanOrEqual(ENTRY_BUDGET_BYTES);
  });

  it('loads the words of one language on demand, never all six with the first page', () => {
    const chunks = manifest();
    const words = Object.values(chunks).filter((chunk) => /\/words-[a-z]{2}-/.test(chunk.file));
    expect(words.map((chunk) => chunk.file.replace(/^.*words-([a-z]{2})-.*$/, '$1')).sort()).toEqual([
      'de',
      'en',
      'es',
      'fr',
      'it',
      'ru',
    ]);
    const first = firstLoad(chunks).map((chunk) => chunk.file);
    for (const chunk of words) expect(first).not.toContain(chunk.file);
  });

  it('keeps the charting and map libraries out of the first page load', () => {
    for (const chunk of firstLoad(manifest())) {
      const code = fs.readFileSync(path.join(WEB_DIR, chunk.file), 'utf8');
      // Markers of ECharts and of d3-geo with the bundled world map.
      expect(code, chunk.file).not.toContain('echarts');
      expect(code, chunk.file).not.toContain('"MultiPolygon"');
    }
  });

  it('ships a brotli and a gzip copy of every script and style sheet', () => {
    const assets = fs.readdirSync(path.join(WEB_DIR, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    const large = assets.filter((name) => fs.statSync(path.join(WEB_DIR, 'assets', name)).size >= 1024);
    expect(large.length).toBeGreaterThan(10);
    for (const name of large) {
      expect(fs.existsSync(path.join(WEB_DIR, 'assets', `${name}.br`)), `${name}.br`).toBe(true);
      expect(fs.existsSync(path.join(WEB_DIR, 'assets', `${name}.gz`)), `${name}.gz`).toBe(true);
    }
  });
});
