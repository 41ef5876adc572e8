import { passSecondStep } from './second-factor.js';

/** A signed-in client of a server child process: its cookie, CSRF token and session token. */
export interface Client {
  port: number;
  cookie: string;
  csrfToken: string;
  /** The session token itself, for checking that it never reaches a log. */
  token: string;
}

export const ADMIN = { email: 'chair@example.org', password: 'Configured passphrase 2026' };
/** What a child server needs to create the first co-ordinator with a known password (no forced change). */
export const ADMIN_ENV = { CROSSROADS_ADMIN_EMAIL: ADMIN.email, CROSSROADS_ADMIN_PASSWORD: ADMIN.password };

export async function signIn(port: number, email = ADMIN.email, password = ADMIN.password): Promise<Client> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const body = (await response.json()) as { csrfToken: string; secondFactorStep: 'verify' | 'enrol' | null };
  const client = { port, cookie, csrfToken: body.csrfToken, token: cookie.split('=')[1] as string };
  await passSecondStep((method, path, payload) => call(client, method, path, payload), email, body.secondFactorStep);
  return client;
}

/** One API call as the client (or anonymously on a port); the body is parsed when it is JSON. */
export async function call(
  who: Client | { port: number },
  method: string,
  path: string,
  payload?: unknown,
  signal?: AbortSignal,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {};
  if ('cookie' in who) {
    headers.cookie = who.cookie;
    headers['x-csrf-token'] = who.csrfToken;
  }
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`http://127.0.0.1:${who.port}${path}`, {
    method,
    headers,
    ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
    ...(signal ? { signal } : {}),
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
  return { status: response.status, body: json, headers: response.headers };
}
