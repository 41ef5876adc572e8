import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress.mjs';
import { type TestApp, testApp } from '../test-support/app.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A built web client in miniature: the page, an icon, a hashed script large enough to compress and
 * a hashed one too small to be worth it, compressed by the build's own step.
 */
function fixture(): { dir: string; script: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);
  const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = "crossroads ${i}";`).join('\n');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'tiny-XyZ789.js'), 'export {};');
  return { dir, script };
}

describe('web client delivery', () => {
  const { dir, script } = fixture();
  let t: TestApp;
  let written: string[];
  beforeAll(async () => {
    written = await precompress(dir);
    t = await testApp('pglite', { webDir: dir });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the build writes a brotli and a gzip copy beside each file worth compressing, and none beside tiny ones', () => {
    const names = written.map((file) => path.relative(dir, file)).sort();
    expect(names).toEqual(['assets/index-AbC123.js.br', 'assets/index-AbC123.js.gz', 'favicon.svg.br', 'favicon.svg.gz']);
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'assets/index-AbC123.js.br'))).toString()).toBe(script);
  });

  it('sends the brotli copy to a browser that accepts it, cached for a year as immutable', async () => {
    const response = await t.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.rawPayload.length).toBeLessThan(script.length / 4);
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const response = await t.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends the file as it is to a client that accepts no compression, still saying it varies', async () => {
    const response = await t.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.payload).toBe(script);
  });

  it('sends a file without compressed copies as it is', async () => {
    const response = await t.app.inject({ url: '/assets/tiny-XyZ789.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.payload).toBe('export {};');
  });

  it('has the browser check the page and the files outside assets/ on every use', async () => {
    for (const url of ['/', '/directory', '/index.html', '/favicon.svg']) {
      const response = await t.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers 404 for a missing asset', async () => {
    const missing = await t.app.inject({ url: '/assets/missing-000.js', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
  });
});
