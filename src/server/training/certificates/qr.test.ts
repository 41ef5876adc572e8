import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { verificationQr } from './pdf.js';

describe('the QR code of a certificate', () => {
  it('reads back as the address of its public verification page', async () => {
    const url = 'https://crossroads.example.org/training/verify/K7QM-2XHD-9PLA';
    const png = PNG.sync.read(Buffer.from((await verificationQr(url)).split(',')[1]!, 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(url);
  });
});
