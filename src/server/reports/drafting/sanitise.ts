import { Parser } from 'htmlparser2';

/** The formatting a report may carry; everything else is dropped, keeping its text. */
const ALLOWED = new Set(['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a']);
/** Elements whose content is never text a reader wrote: dropped with everything inside them. */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'select',
  'svg',
  'math',
  'head',
  'title',
  'frame',
  'frameset',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
]);
const VOID = new Set(['br']);
const SAFE_URL = /^(https?:|mailto:)/i;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

const invisible = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);

/** A link target if it is an http, https or mailto address, else null. */
function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  const visible = [...raw]
    .filter((ch) => !invisible(ch.charCodeAt(0)))
    .join('')
    .trim();
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so test without them.
  if (!SAFE_URL.test(visible.replace(/ /g, ''))) return null;
  return visible.replace(/ /g, '%20');
}

/**
 * Reduces HTML to the report's small formatting subset on a real HTML parser: paragraphs, line
 * breaks, bold, italic, underline, lists, two heading levels, quotations and http(s)/mailto links.
 * No attribute survives but a link's href, and every link gets rel="noopener noreferrer".
 */
export function sanitiseHtml(html: string): string {
  // Read back, some tag soup nests differently (an <li> opened inside another is closed by the
  // parser's own rules); clean until the text reads back unchanged, so that what is stored is
  // exactly what the next reader parses. Two or three rounds at most in practice.
  let clean = sanitiseOnce(html);
  for (let round = 0; round < 5; round++) {
    const again = sanitiseOnce(clean);
    if (again === clean) break;
    clean = again;
  }
  return clean;
}

function sanitiseOnce(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropDepth > 0 || DROPPED.has(name)) {
          if (!VOID.has(name)) dropDepth++;
          return;
        }
        if (!ALLOWED.has(name)) return;
        if (name === 'a') {
          const href = safeHref(attributes.href);
          out.push(href ? `<a href="${escapeAttribute(href)}" rel="noopener noreferrer">` : '<a>');
        } else out.push(`<${name}>`);
        if (!VOID.has(name)) open.push(name);
      },
      ontext(text) {
        if (dropDepth === 0) out.push(escapeText(text));
      },
      onclosetag(name, implied) {
        if (dropDepth > 0) {
          if (!VOID.has(name)) dropDepth--;
          return;
        }
        if (!ALLOWED.has(name) || VOID.has(name)) return;
        const at = open.lastIndexOf(name);
        if (at < 0) return;
        while (open.length > at) out.push(`</${open.pop()}>`);
        void implied;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join('');
}

const BLOCK = new Set(['p', 'br', 'li', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'div']);

/** The text of (sanitised) HTML, one line per block, for diffs, the PDF and search. */
export function htmlToParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        current += text;
      },
      onclosetag(name) {
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}
