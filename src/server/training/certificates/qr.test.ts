import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { verificationQr } from './pdf.js';

// A CommonJS module whose declared default export the compiler does not see as callable.
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

describe('the QR code of a certificate', () => {
  it('reads back as the address of its public verification page', async () => {
    const url = 'https://crossroads.example.org/training/verify/K7QM-2XHD-9PLA';
    const png = PNG.sync.read(Buffer.from((await verificationQr(url)).split(',')[1]!, 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(url);
  });
});
