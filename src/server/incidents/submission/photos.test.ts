import { afterAll, describe, expect, it } from 'vitest';
import { Problem } from '../../http/problems.js';
import { jpegWithGps, pngBomb, pngWithMetadata } from '../../test-support/incidents/test-photos.js';
import { PhotoPool } from './photo-pool.js';
import { cleanPhotos, sniffPhoto } from './photos.js';

const LIMITS = { maxBytes: 1024 * 1024, maxPixels: 1_000_000 };
const pool = new PhotoPool({ workers: 1, queue: 10, timeoutMs: 20_000, memoryMb: 256 });
afterAll(() => pool.close());

const clean = (bytes: Buffer, mediaType: string, limits = LIMITS) => cleanPhotos(pool, [{ mediaType, bytes }], limits);

async function refusal(run: () => Promise<unknown>): Promise<Problem> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('photo cleaning', () => {
  it('knows JPEG and PNG by their bytes, whatever the sender says', async () => {
    expect(sniffPhoto(jpegWithGps())).toBe('image/jpeg');
    expect(sniffPhoto(pngWithMetadata())).toBe('image/png');
    expect(sniffPhoto(Buffer.from('GIF89a'))).toBeUndefined();
    expect((await refusal(() => clean(pngWithMetadata(), 'image/jpeg'))).detail).toMatch(/JPEG or PNG/);
  });

  it('refuses a picture with too many pixels before decoding it (a decompression bomb)', async () => {
    // A PNG header announcing 100,000 × 100,000 pixels, with nothing behind it.
    const bomb = Buffer.from(pngWithMetadata());
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    const started = performance.now();
    expect((await refusal(() => clean(bomb, 'image/png'))).detail).toMatch(/too many pixels/);
    expect(performance.now() - started).toBeLessThan(1000);
    const bigJpeg = jpegWithGps(2000, 1000);
    expect((await refusal(() => clean(bigJpeg, 'image/jpeg', { ...LIMITS, maxBytes: 64 * 1024 * 1024 }))).detail).toMatch(
      /too many pixels/,
    );
  });

  it('refuses bytes that are not a whole image, with the photo’s position', async () => {
    const cut = jpegWithGps().subarray(0, 200);
    const problem = await refusal(() =>
      cleanPhotos(
        pool,
        [
          { mediaType: 'image/png', bytes: pngWithMetadata() },
          { mediaType: 'image/jpeg', bytes: cut },
        ],
        LIMITS,
      ),
    );
    expect(problem.extras.errors?.[0]?.pointer).toBe('/photos/1');
  });

  it('scales a picture larger than 4,096 pixels on a side down, keeping its proportions', async () => {
    const [wide] = await clean(pngBomb(8192, 1024), 'image/png', { maxBytes: 1024 * 1024, maxPixels: 16_000_000 });
    expect(wide?.bytes.readUInt32BE(16)).toBe(4096);
    expect(wide?.bytes.readUInt32BE(20)).toBe(512);
  });

  it('refuses what does not fit in the queue at once, with 503', async () => {
    const small = new PhotoPool({ workers: 1, queue: 1, timeoutMs: 20_000, memoryMb: 256 });
    try {
      const photo = { mediaType: 'image/png', bytes: pngWithMetadata() };
      const problem = await refusal(() => cleanPhotos(small, [photo, photo, photo], LIMITS));
      expect(problem.status).toBe(503);
      expect(problem.extras.retryAfterSeconds).toBeGreaterThan(0);
      expect(await cleanPhotos(small, [photo, photo], LIMITS)).toHaveLength(2);
    } finally {
      await small.close();
    }
  });
});
