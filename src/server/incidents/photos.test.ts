import { describe, expect, it } from 'vitest';
import { Problem } from '../http/problems.js';
import { cleanPhoto, sniffPhoto } from './photos.js';
import { jpegWithGps, pngWithMetadata } from './test-photos.js';

const LIMITS = { maxBytes: 1024 * 1024, maxPixels: 1_000_000 };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return error.detail ?? '';
    throw error;
  }
  throw new Error('not refused');
}

describe('photo cleaning', () => {
  it('knows JPEG and PNG by their bytes, whatever the sender says', () => {
    expect(sniffPhoto(jpegWithGps())).toBe('image/jpeg');
    expect(sniffPhoto(pngWithMetadata())).toBe('image/png');
    expect(sniffPhoto(Buffer.from('GIF89a'))).toBeUndefined();
    expect(refusal(() => cleanPhoto(pngWithMetadata(), 'image/jpeg', LIMITS, 0))).toMatch(/JPEG or PNG/);
  });

  it('refuses a picture with too many pixels before decoding it (a decompression bomb)', () => {
    // A PNG header announcing 100,000 × 100,000 pixels, with nothing behind it.
    const bomb = Buffer.from(pngWithMetadata());
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    const started = performance.now();
    expect(refusal(() => cleanPhoto(bomb, 'image/png', LIMITS, 2))).toMatch(/too many pixels/);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(
      refusal(() => cleanPhoto(jpegWithGps(2000, 1000), 'image/jpeg', { ...LIMITS, maxBytes: 64 * 1024 * 1024 }, 0)),
    ).toMatch(/too many pixels/);
  });

  it('refuses bytes that are not a whole image, with the photo’s position', () => {
    const cut = jpegWithGps().subarray(0, 200);
    try {
      cleanPhoto(cut, 'image/jpeg', LIMITS, 3);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).extras.errors?.[0]?.pointer).toBe('/photos/3');
    }
  });
});
