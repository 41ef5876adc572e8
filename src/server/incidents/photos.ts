import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { Problem } from '../http/problems.js';

export type PhotoType = 'image/jpeg' | 'image/png';

export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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

/**
 * Decodes a photo and encodes its pixels again, so that nothing but the picture survives: EXIF
 * (with GPS position and camera), XMP, comments and any other chunk are dropped. The declared
 * type must match the bytes, and size and pixel count are checked before decoding.
 */
export function cleanPhoto(
  bytes: Buffer,
  declared: string,
  limits: PhotoLimits,
  index: number,
): { type: PhotoType; bytes: Buffer } {
  if (bytes.length > limits.maxBytes) refuse(index, `A photo may be at most ${Math.floor(limits.maxBytes / 1024)} KB.`);
  const type = sniffPhoto(bytes);
  if (!type || type !== declared) refuse(index, 'A photo must be a JPEG or PNG image.');
  try {
    if (type === 'image/png') {
      if (pngPixels(bytes) > limits.maxPixels) refuse(index, 'The photo has too many pixels.');
      const decoded = PNG.sync.read(bytes);
      const clean = new PNG({ width: decoded.width, height: decoded.height });
      decoded.data.copy(clean.data);
      return { type, bytes: PNG.sync.write(clean, { colorType: 6 }) };
    }
    const decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: limits.maxPixels / 1_000_000,
      maxMemoryUsageInMB: 256,
    });
    return { type, bytes: jpeg.encode({ width: decoded.width, height: decoded.height, data: decoded.data }, 85).data };
  } catch (error) {
    if (error instanceof Problem) throw error;
    const message = error instanceof Error && /maxResolution|maxMemory/.test(error.message);
    refuse(index, message ? 'The photo has too many pixels.' : 'The photo could not be read as an image.');
  }
}
