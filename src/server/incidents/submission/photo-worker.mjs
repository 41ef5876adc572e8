// Decodes one photo and encodes its pixels again, in a worker thread of the photo pool
// (photo-pool.ts), so that the event loop never runs the pure-JavaScript codecs: nothing but the
// picture survives (EXIF with GPS position and camera, XMP, comments and any other chunk are
// dropped), and a picture larger than MAX_DIMENSION on a side is scaled down. Plain JavaScript, so
// that it runs as it is from src/ (tests) and from dist/ (copied by scripts/build-server.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

// A phone's 12-megapixel photo (4,032 × 3,024) keeps its full size; beyond that the detail a
// reviewer needs is there, and what is stored, encrypted and decrypted in a browser stays bounded.
const MAX_DIMENSION = 4096;

/** Averages each block of source pixels into one (a box filter): enough for photographs. */
function downscale(image) {
  const { width, height, data } = image;
  const scale = Math.max(width, height) / MAX_DIMENSION;
  if (scale <= 1) return image;
  const w = Math.max(1, Math.round(width / scale));
  const h = Math.max(1, Math.round(height / scale));
  const out = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let i = (sy * width + x0) * 4, end = (sy * width + x1) * 4; i < end; i += 4) {
          r += data[i];
          g += data[i + 1];
          b += data[i + 2];
          a += data[i + 3];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = Math.round(a / n);
    }
  }
  return { width: w, height: h, data: out };
}

function isOpaque(data) {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

function clean({ type, bytes, maxPixels, maxOutputBytes }) {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let output;
  if (type === 'image/png') {
    const decoded = PNG.sync.read(input);
    if (decoded.width * decoded.height > maxPixels) return { refusal: 'pixels' };
    const image = downscale(decoded);
    const png = new PNG({ width: image.width, height: image.height });
    image.data.copy(png.data);
    // Without transparency, three channels instead of four: a quarter less to store.
    output = PNG.sync.write(png, { colorType: isOpaque(image.data) ? 2 : 6 });
  } else {
    const decoded = jpeg.decode(input, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: maxPixels / 1_000_000,
      maxMemoryUsageInMB: workerData.memoryMb,
    });
    const data = Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
    const image = downscale({ width: decoded.width, height: decoded.height, data });
    output = jpeg.encode(image, 85).data;
  }
  // A picture that compresses far better than its re-encoding would make storage the target.
  if (output.length > maxOutputBytes) return { refusal: 'too_large' };
  return { bytes: new Uint8Array(output.buffer, output.byteOffset, output.byteLength) };
}

parentPort.on('message', (task) => {
  let reply;
  try {
    reply = clean(task);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    reply = { refusal: /maxResolution|maxMemory/.test(message) ? 'pixels' : 'unreadable' };
  }
  parentPort.postMessage({ id: task.id, ...reply });
});
