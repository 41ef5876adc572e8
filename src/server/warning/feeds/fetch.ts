import { Problem } from '../../http/problems.js';

export interface FetchLimits {
  /** The whole exchange, answer included, must end within this many milliseconds. */
  timeoutMs: number;
  /** The most bytes read from the answer (after any content encoding is undone). */
  maxBytes: number;
}

/**
 * The address without its credentials, query or fragment, which may hold a token: what is
 * recorded as an import's file name and may be written to a log.
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/** Whether the text is an http:// or https:// address. */
export function isWebAddress(text: string): boolean {
  try {
    const parsed = new URL(text);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

function timedOut(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Fetches a feed's file: refused with a problem (whose sentence is recorded as the run's error)
 * when the address does not answer in time, answers anything but 2xx, or sends more than the
 * limit. The body is read as it streams and abandoned past the limit, so a hostile or broken
 * source costs at most `maxBytes` of memory and `timeoutMs` of waiting.
 */
export async function fetchFeed(url: string, limits: FetchLimits): Promise<Buffer> {
  const seconds = Math.round(limits.timeoutMs / 100) / 10;
  const megabytes = Math.round(limits.maxBytes / (1024 * 1024));
  const tooSlow = () => new Problem('unavailable', `The feed’s address did not answer in full within ${seconds} s.`);
  const tooLarge = () =>
    new Problem('payload_too_large', `The feed’s answer is larger than ${megabytes} MB, the most it may be.`);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/csv, application/octet-stream, */*' } });
  } catch (error) {
    if (timedOut(error)) throw tooSlow();
    throw new Problem('unavailable', 'The feed’s address could not be reached.');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const status = String(response.status);
    throw new Problem('unavailable', `The feed’s address answered with the HTTP status ${status}.`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    if (timedOut(error) || signal.aborted) throw tooSlow();
    throw new Problem('unavailable', 'The feed’s address broke off its answer.');
  }
  return Buffer.concat(chunks);
}
