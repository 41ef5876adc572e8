import { Problem } from '../../http/problems.js';
import { type PhotoPool, PhotoRefusal, type PhotoRefusalReason, type PhotoType } from './photo-pool.js';

export type { PhotoType };

export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
}

export interface CleanPhoto {
  type: PhotoType;
  bytes: Buffer;
}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const REFUSALS: Record<PhotoRefusalReason, string> = {
  pixels: 'The photo has too many pixels.',
  unreadable: 'The photo could not be read as an image.',
  too_large: 'The photo is too large once cleaned. Send a smaller one.',
  too_slow: 'The photo took too long to process. Send a smaller one.',
  too_much_memory: 'The photo needs too much memory to process. Send a smaller one.',
};

function refuse(index: number, message: string): never {
  throw new Problem('validation', message, { errors: [{ pointer: `/photos/${index}`, message }] });
}

/** The type the bytes are, whatever the sender said; undefined when neither JPEG nor PNG. */
export function sniffPhoto(bytes: Buffer): PhotoType | undefined {
  if (bytes.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  return undefined;
}

/** Width × height from a PNG header, read before anything is decoded. */
function pngPixels(bytes: Buffer): number {
  if (bytes.length < 24) return Number.POSITIVE_INFINITY;
  return bytes.readUInt32BE(16) * bytes.readUInt32BE(20);
}

/** The checks that cost nothing, on the event loop: size, declared type against the bytes, PNG header. */
export function checkPhoto(bytes: Buffer, declared: string, limits: PhotoLimits, index: number): PhotoType {
  if (bytes.length > limits.maxBytes) refuse(index, `A photo may be at most ${Math.floor(limits.maxBytes / 1024)} KB.`);
  const type = sniffPhoto(bytes);
  if (!type || type !== declared) refuse(index, 'A photo must be a JPEG or PNG image.');
  if (type === 'image/png' && pngPixels(bytes) > limits.maxPixels) refuse(index, REFUSALS.pixels);
  return type;
}

/**
 * Decodes each photo and encodes its pixels again in the photo pool, so that nothing but the
 * picture survives: EXIF (with GPS position and camera), XMP, comments and any other chunk are
 * dropped. Cheap checks come first; the first photo refused is reported with its position.
 */
export async function cleanPhotos(
  pool: PhotoPool,
  photos: { mediaType: string; bytes: Buffer }[],
  limits: PhotoLimits,
): Promise<CleanPhoto[]> {
  const types = photos.map((photo, i) => checkPhoto(photo.bytes, photo.mediaType, limits, i));
  const results = await pool.cleanAll(
    photos.map((photo, i) => ({
      type: types[i] as PhotoType,
      bytes: photo.bytes,
      maxPixels: limits.maxPixels,
      maxOutputBytes: 2 * limits.maxBytes,
    })),
  );
  return results.map((result, i) => {
    if (result.status === 'fulfilled') return { type: types[i] as PhotoType, bytes: result.value };
    if (result.reason instanceof PhotoRefusal) refuse(i, REFUSALS[result.reason.reason]);
    throw result.reason;
  });
}
