// Reads a document sent to the library on its own thread, under a memory limit set by whoever
// starts it: a file made to expand, or a PDF that claims a huge number of pages, stalls or exhausts
// this thread, never the server's event loop. Two tasks: `probe` (what the file is, checked by its
// content, refused when hostile) and `extract` (its text, page by page, with progress messages).
// Plain JavaScript so that the same file runs from the sources (tests) and from the build.
import { parentPort, workerData } from 'node:worker_threads';
import { inflateEntry, SheetRefusal, zipEntries } from '../../files/zip.mjs';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const TXT = 'text/plain';

class Refusal extends Error {
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

const startsWith = (bytes, text) => bytes.length >= text.length && bytes.subarray(0, text.length).toString('latin1') === text;

/** The zip checks of the platform's hardened reader, with their words about a document rather than a workbook. */
function checkedEntries(bytes, limits) {
  try {
    return zipEntries(bytes, limits);
  } catch (error) {
    if (error instanceof SheetRefusal) throw new Refusal(error.code, reword(error.message));
    throw error;
  }
}

const reword = (text) =>
  text
    .replace(/a readable XLSX workbook/g, 'a readable DOCX or ODT document')
    .replace(/workbooks/g, 'documents')
    .replace(/workbook/g, 'document');

/** Inflates one entry within the limits its directory declared (checked against ours beforehand). */
async function entryBytes(bytes, entry, discard = false) {
  const chunks = [];
  try {
    await inflateEntry(bytes, entry, (chunk) => {
      if (!discard) chunks.push(chunk);
    });
  } catch (error) {
    if (error instanceof SheetRefusal) throw new Refusal(error.code, reword(error.message));
    throw error;
  }
  return Buffer.concat(chunks);
}

function isPlainText(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tab, line breaks and form feed mean a binary file.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return null;
  }
  return text;
}

async function openPdf(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    if (error?.name === 'PasswordException') throw new Refusal('validation', 'The PDF is encrypted: send it without a password.');
    throw new Refusal('validation', 'The file is not a readable PDF.');
  }
}

/** What the file is, found from its bytes; hostile or unreadable files are refused. */
async function probe(bytes, limits) {
  if (startsWith(bytes, '%PDF-')) {
    // An encrypted PDF names its Encrypt dictionary in the trailer, which is never compressed.
    if (bytes.includes('/Encrypt')) throw new Refusal('validation', 'The PDF is encrypted: send it without encryption.');
    // The page tree's declared counts, read before the reader, which may trust or repair them.
    let declared = 0;
    for (const match of bytes.toString('latin1').matchAll(/\/Count\s+(\d{1,12})/g))
      declared = Math.max(declared, Number(match[1]));
    if (declared > limits.maxPages) {
      throw new Refusal('payload_too_large', `The PDF has ${declared} pages; at most ${limits.maxPages} are accepted.`);
    }
    const pdf = await openPdf(bytes);
    const pages = pdf.numPages;
    await pdf.destroy();
    if (pages > limits.maxPages) {
      throw new Refusal('payload_too_large', `The PDF has ${pages} pages; at most ${limits.maxPages} are accepted.`);
    }
    return { mediaType: PDF, pages };
  }
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    const entries = checkedEntries(bytes, limits);
    // Every entry is inflated once under its declared size, so the readers after this one cannot be made to expand.
    for (const entry of entries.values()) await entryBytes(bytes, entry, true);
    const mimetype = entries.get('mimetype');
    if (mimetype && (await entryBytes(bytes, mimetype)).toString('latin1').trim() === ODT) {
      if (!entries.has('content.xml')) throw new Refusal('validation', 'The ODT document has no content.');
      return { mediaType: ODT, pages: null };
    }
    if (entries.has('word/document.xml')) return { mediaType: DOCX, pages: null };
    throw new Refusal('unsupported_media_type', 'The file is a ZIP archive but neither a DOCX nor an ODT document.');
  }
  if (isPlainText(bytes) !== null) return { mediaType: TXT, pages: null };
  throw new Refusal('unsupported_media_type', 'Only PDF, DOCX, ODT and plain-text (UTF-8) documents are accepted.');
}

const tidy = (text) =>
  text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function xmlText(xml) {
  return xml
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<\/text:(p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The text of the document, page by page for a PDF, with progress messages. */
async function extract(bytes, mediaType, limits, progress) {
  if (mediaType === PDF) {
    const pdf = await openPdf(bytes);
    const pages = [];
    let withText = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      if (text.trim().length > 0) withText++;
      pages.push(tidy(text));
      page.cleanup();
      progress(n, pdf.numPages);
    }
    const total = pdf.numPages;
    await pdf.destroy();
    return { text: pages.join('\n\n'), pages: total, hasTextLayer: total === 0 ? false : withText > 0 };
  }
  if (mediaType === DOCX) {
    checkedEntries(bytes, limits);
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.extractRawText({ buffer: bytes });
    progress(1, 1);
    return { text: tidy(result.value), pages: null, hasTextLayer: null };
  }
  if (mediaType === ODT) {
    const entries = checkedEntries(bytes, limits);
    const content = entries.get('content.xml');
    if (!content) throw new Refusal('validation', 'The ODT document has no content.');
    const xml = (await entryBytes(bytes, content)).toString('utf8');
    progress(1, 1);
    return { text: tidy(xmlText(xml)), pages: null, hasTextLayer: null };
  }
  progress(1, 1);
  return { text: tidy(isPlainText(bytes) ?? ''), pages: null, hasTextLayer: null };
}

async function run({ task, bytes, mediaType, limits }) {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (task === 'probe') return probe(data, limits);
  return extract(data, mediaType, limits, (done, total) => parentPort.postMessage({ progress: { done, total } }));
}

run(workerData)
  .then((result) => parentPort.postMessage({ result }))
  .catch((error) =>
    parentPort.postMessage({
      refusal:
        error instanceof Refusal
          ? { code: error.code, detail: error.message }
          : { code: 'validation', detail: 'The document could not be read.' },
    }),
  );
