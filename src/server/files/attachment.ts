import type { FastifyReply } from 'fastify';
import { CSV_TYPE, XLSX_TYPE } from './sheet-writer.js';

/** What a download's body is; each kind has its one content type. */
const TYPES = {
  csv: CSV_TYPE,
  xlsx: XLSX_TYPE,
  pdf: 'application/pdf',
  ndjson: 'application/x-ndjson; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xml: 'application/akn+xml; charset=utf-8',
} as const;

export type AttachmentKind = keyof typeof TYPES;

export interface Attachment {
  kind: AttachmentKind;
  /** The name offered to save the file as; anything but letters, digits, dots, dashes and underscores is replaced. */
  filename: string;
  body: string | Buffer;
}

/**
 * A Content-Disposition value (RFC 6266): an ASCII `filename` that no browser can misread (no
 * quotes, slashes, control characters or header breaks), and the full name as UTF-8 in
 * `filename*` (RFC 5987) for those that read it.
 */
export function contentDisposition(filename: string): string {
  const name =
    filename
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}/\\]/gu, '')
      .trim() || 'download';
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 150) || 'download';
  const encoded = encodeURIComponent(name.slice(0, 150)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file to be saved rather than shown: its type, a safe name, and no sniffing. */
export function sendAttachment(reply: FastifyReply, file: Attachment) {
  return reply
    .type(TYPES[file.kind])
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/** The date stamp downloads carry in their names. */
export const today = () => new Date().toISOString().slice(0, 10);
