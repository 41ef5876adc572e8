import { translatedDetail } from '../i18n/problems';

/** One field the server refused, as a JSON pointer into the request body (e.g. `/email`). */
export interface FieldError {
  pointer: string;
  /** Why the field was refused, stable for translation (e.g. `common` for a new password). */
  code?: string;
  /** The server's sentence, in the reader's language when the catalogue of problem details has it. */
  message: string;
  messageKey?: string;
  messageParams?: Record<string, string>;
}

interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  detailKey?: string;
  detailParams?: Record<string, string>;
  code?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** A field error whose message is said in the language chosen when it is read. */
function translatedField(error: FieldError): FieldError {
  const sent = error.message;
  return {
    ...error,
    get message() {
      return translatedDetail(error.messageKey, error.messageParams, sent) ?? sent;
    },
  };
}

/** A failed API call: the server's RFC 9457 problem document, or `network` when it could not be reached. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  private readonly document: ProblemDocument;

  constructor(status: number, document: ProblemDocument) {
    super(document.detail ?? document.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = document.code ?? (status >= 500 ? 'internal' : 'unknown');
    this.document = document;
    this.errors = (document.errors ?? []).map(translatedField);
    this.requestId = document.requestId;
  }

  /** The specifics of this refusal, in the reader's language when the catalogue has the sentence, else as sent. */
  get detail(): string | undefined {
    return translatedDetail(this.document.detailKey, this.document.detailParams, this.document.detail);
  }

  /** The server's message about one field, e.g. `fieldError('/newPassword')`. */
  fieldError(pointer: string): string | undefined {
    return this.errors.find((error) => error.pointer === pointer)?.message;
  }

  /** The code of the server's refusal of one field, when it gave one. */
  fieldCode(pointer: string): string | undefined {
    return this.errors.find((error) => error.pointer === pointer)?.code;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every write; null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the given parameters, leaving out empty ones. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function problemOf(response: Response): Promise<ApiProblem> {
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      return new ApiProblem(response.status, (await response.json()) as ProblemDocument);
    } catch {
      // Not a problem document after all: fall through to the bare status.
    }
  }
  return new ApiProblem(response.status, { title: response.statusText });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file sent as the raw request body (imports), with its own content type. */
interface RawBody {
  raw: Blob;
  contentType: string;
}

function isRaw(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body && body.raw instanceof Blob;
}

async function send<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = isRaw(body) ? body.contentType : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isRaw(body) ? body.raw : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, { code: 'network' });
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The Crossroads API under /api, on this origin only. */
export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => send<T>('DELETE', path, body),
  /** Sends a file as the raw body (e.g. a CSV or XLSX import); the route declares the content type it accepts. */
  upload: <T>(path: string, file: Blob, contentType: string) => send<T>('POST', path, { raw: file, contentType }),
};
