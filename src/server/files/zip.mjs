// Reads a ZIP container (an XLSX workbook) without trusting it: the central directory is checked
// before anything is inflated, and every entry is inflated with a hard limit on what comes out,
// because the sizes the directory declares may lie. Plain JavaScript: it runs in the sheet worker
// both from the sources and from the build.
import zlib from 'node:zlib';

/** Why a file was refused; the reader turns it into a problem with this code. */
export class SheetRefusal extends Error {
  /** @param {'payload_too_large' | 'validation'} code @param {string} detail */
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

const tooLarge = (detail) => new SheetRefusal('payload_too_large', detail);
const unreadable = (detail) => new SheetRefusal('validation', `The file is not a readable XLSX workbook: ${detail}`);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

/**
 * The entries of a ZIP container, checked against the limits: entry count, each entry's and the
 * total declared uncompressed size, and each entry's compression ratio.
 * @param {Buffer} bytes
 * @param {{ maxEntries: number, maxEntryBytes: number, maxTotalBytes: number, maxRatio: number }} limits
 */
export function zipEntries(bytes, limits) {
  const eocd = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw unreadable('ZIP64 archives are not accepted.');
  if (count > limits.maxEntries) throw tooLarge(`The workbook holds ${count} files; at most ${limits.maxEntries} are accepted.`);
  if (offset + size > eocd) throw unreadable('its directory lies outside the file.');

  const entries = new Map();
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable('its directory is damaged.');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw unreadable('encrypted workbooks are not accepted.');
    if (method !== 0 && method !== 8) throw unreadable(`“${name}” uses a compression method other than deflate.`);
    if (uncompressed > limits.maxEntryBytes) {
      throw tooLarge(`“${name}” expands to ${mib(uncompressed)} MiB; at most ${mib(limits.maxEntryBytes)} MiB are accepted.`);
    }
    total += uncompressed;
    if (total > limits.maxTotalBytes) {
      throw tooLarge(`The workbook expands to more than ${mib(limits.maxTotalBytes)} MiB, the most accepted.`);
    }
    // Ordinary sheets compress ten to thirty times; far more means content made to expand.
    if (uncompressed > MiB && uncompressed > compressed * limits.maxRatio) {
      throw tooLarge(
        `“${name}” expands ${Math.round(uncompressed / Math.max(1, compressed))} times; at most ${limits.maxRatio} is accepted.`,
      );
    }
    if (method === 0 && compressed !== uncompressed) throw unreadable(`“${name}” is stored with inconsistent sizes.`);
    entries.set(name, { name, method, compressed, uncompressed, localOffset });
  }
  return entries;
}

function findEndOfDirectory(bytes) {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw unreadable('it has no ZIP directory.');
}

/** Where an entry's compressed bytes are, read from its local header. */
function entryData(bytes, entry) {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw unreadable(`“${entry.name}” is damaged.`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressed;
  if (end > bytes.length) throw unreadable(`“${entry.name}” runs past the end of the file.`);
  return bytes.subarray(start, end);
}

/**
 * Inflates an entry chunk by chunk into `onChunk`, stopping as soon as more comes out than its
 * declared size: the declared sizes were checked against the limits, so they bound the output.
 * @param {Buffer} bytes
 * @param {{ name: string, method: number, compressed: number, uncompressed: number, localOffset: number }} entry
 * @param {(chunk: Buffer) => void} onChunk
 * @returns {Promise<void>}
 */
export function inflateEntry(bytes, entry, onChunk) {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    onChunk(data);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let out = 0;
    let failed = false;
    const fail = (error) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk) => {
      if (failed) return;
      out += chunk.length;
      if (out > entry.uncompressed) {
        fail(tooLarge(`“${entry.name}” expands beyond the ${entry.uncompressed} bytes its directory declares.`));
        return;
      }
      try {
        onChunk(chunk);
      } catch (error) {
        fail(error);
      }
    });
    inflate.on('error', () => fail(unreadable(`“${entry.name}” could not be inflated.`)));
    inflate.on('end', () => {
      if (failed) return;
      if (out !== entry.uncompressed) fail(unreadable(`“${entry.name}” is shorter than its directory declares.`));
      else resolve();
    });
    inflate.end(data);
  });
}

/**
 * Gunzips with a hard limit on the output: the total cap, and no more than `maxRatio` times the
 * input (above 1 MiB), so a file made to expand is stopped after a few megabytes, whatever its
 * trailer declares.
 * @param {Buffer} bytes @param {{ maxTotalBytes: number, maxRatio: number }} limits
 */
export function gunzipBounded(bytes, limits) {
  const cap = Math.min(limits.maxTotalBytes, Math.max(MiB, bytes.length * limits.maxRatio));
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: cap });
  } catch (error) {
    if (error?.code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw tooLarge(
        `The compressed file expands to more than ${mib(cap)} MiB (at most ${limits.maxRatio} times its size and ${mib(limits.maxTotalBytes)} MiB are accepted).`,
      );
    }
    throw new SheetRefusal('validation', 'The compressed file could not be read.');
  }
}

const mib = (bytes) => Math.round((bytes / MiB) * 10) / 10;
