import { deflateSync, crc32 as zlibCrc32 } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Test data: a camera model and a GPS position that must not survive an upload. */
export const CAMERA = 'TESTCAM-9000';
export const GPS_TEXT = 'GPS 48.208176 16.373819';

function ifdEntry(tag: number, type: number, count: number, value: Buffer): Buffer {
  const entry = Buffer.alloc(12);
  entry.writeUInt16BE(tag, 0);
  entry.writeUInt16BE(type, 2);
  entry.writeUInt32BE(count, 4);
  value.copy(entry, 8, 0, 4);
  return entry;
}

/**
 * An EXIF APP1 segment as a phone writes one: IFD0 with the camera make and a pointer to a GPS
 * IFD holding latitude N 48°12'29" and longitude E 16°22'25", and a user comment with the position.
 */
function exifSegment(): Buffer {
  const make = Buffer.from(`${CAMERA}\0`, 'ascii');
  const comment = Buffer.from(`${GPS_TEXT}\0`, 'ascii');
  // Layout (offsets from the TIFF header): header 8, IFD0 at 8 (3 entries), GPS IFD after it.
  const ifd0Size = 2 + 3 * 12 + 4;
  const gpsOffset = 8 + ifd0Size;
  const gpsSize = 2 + 4 * 12 + 4;
  const dataOffset = gpsOffset + gpsSize;
  const makeOffset = dataOffset;
  const commentOffset = makeOffset + make.length;
  const latOffset = commentOffset + comment.length;
  const lonOffset = latOffset + 24;
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const rationals = (values: number[]) => Buffer.concat(values.flatMap((v) => [u32(v), u32(1)]));
  const ifd0 = Buffer.concat([
    Buffer.from([0, 3]),
    ifdEntry(0x010f, 2, make.length, u32(makeOffset)),
    ifdEntry(0x010e, 2, comment.length, u32(commentOffset)),
    ifdEntry(0x8825, 4, 1, u32(gpsOffset)),
    u32(0),
  ]);
  const gps = Buffer.concat([
    Buffer.from([0, 4]),
    ifdEntry(0x0001, 2, 2, Buffer.from('N\0\0\0', 'ascii')),
    ifdEntry(0x0002, 5, 3, u32(latOffset)),
    ifdEntry(0x0003, 2, 2, Buffer.from('E\0\0\0', 'ascii')),
    ifdEntry(0x0004, 5, 3, u32(lonOffset)),
    u32(0),
  ]);
  const tiff = Buffer.concat([
    Buffer.from('MM\0*\0\0\0\x08', 'latin1'),
    ifd0,
    gps,
    make,
    comment,
    rationals([48, 12, 29]),
    rationals([16, 22, 25]),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), length, body]);
}

function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = (i * 7) % 256;
    data[i * 4 + 1] = (i * 3) % 256;
    data[i * 4 + 2] = 128;
    data[i * 4 + 3] = 255;
  }
  return data;
}

/** A small JPEG carrying an EXIF block with camera and GPS position, right after SOI. */
export function jpegWithGps(width = 32, height = 24): Buffer {
  const plain = jpeg.encode({ width, height, data: pixels(width, height) }, 90).data;
  return Buffer.concat([plain.subarray(0, 2), exifSegment(), plain.subarray(2)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked by the re-encoder's reader for ancillary chunks we add; compute it anyway.
  const crcInput = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(crcInput));
  return Buffer.concat([length, crcInput, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG with a text chunk and an eXIf chunk naming the camera and position. */
export function pngWithMetadata(width = 16, height = 16): Buffer {
  const png = new PNG({ width, height });
  pixels(width, height).copy(png.data);
  const plain = PNG.sync.write(png);
  const text = pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT} ${CAMERA}`, 'latin1'));
  const ztxt = pngChunk('zTXt', Buffer.concat([Buffer.from('Software\0\0', 'latin1'), deflateSync(CAMERA)]));
  // After the 8-byte signature and the 25-byte IHDR chunk.
  return Buffer.concat([plain.subarray(0, 33), text, ztxt, plain.subarray(33)]);
}

function rawChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlibCrc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A decompression bomb as an attacker sends one: a PNG of width × height blank RGBA pixels that
 * compresses to a few tens of kilobytes (4,000 × 4,000 is about 60 KB) but costs seconds to decode.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const scanlines = Buffer.alloc(height * (1 + width * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    rawChunk('IHDR', header),
    rawChunk('IDAT', deflateSync(scanlines, { level: 9 })),
    rawChunk('IEND', Buffer.alloc(0)),
  ]);
}
