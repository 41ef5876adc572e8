import { Problem } from '../server/http/problems.js';

export interface ServerCredentials {
  email: string | undefined;
  password: string | undefined;
  /** A code from the co-ordinator's authenticator app, for the second step of signing in. */
  code: string | undefined;
}

/** The co-ordinator's credentials the commands that talk to a running server sign in with. */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServerCredentials {
  return {
    email: env.CROSSROADS_EMAIL || env.CROSSROADS_ADMIN_EMAIL,
    password: env.CROSSROADS_PASSWORD || env.CROSSROADS_ADMIN_PASSWORD,
    code: env.CROSSROADS_CODE || undefined,
  };
}

export interface ServerSession {
  /** A JSON request to the server's API, signed in; answers the status and the parsed body. */
  call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}

/**
 * Signs in to a running Crossroads server as a co-ordinator (CROSSROADS_EMAIL and
 * CROSSROADS_PASSWORD), as `crossroads backup` does when the embedded database is in use.
 */
export async function openServerSession(server: string, credentials: ServerCredentials, what: string): Promise<ServerSession> {
  if (!credentials.email || !credentials.password) {
    throw new Problem(
      'validation',
      `${what} goes through the running server: set CROSSROADS_EMAIL and CROSSROADS_PASSWORD to a co-ordinator’s credentials.`,
    );
  }
  const base = server.replace(/\/+$/, '');
  const send = async (path: string, init: RequestInit) => {
    try {
      return await fetch(`${base}${path}`, init);
    } catch {
      throw new Problem('validation', `No Crossroads server answers at ${base}. Start it, or name it with --server URL.`);
    }
  };
  const login = await send('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (login.status !== 200)
    throw new Problem('validation', `The server refused to sign in ${credentials.email} (HTTP ${login.status}).`);
  const session = (await login.json()) as {
    mustChangePassword: boolean;
    csrfToken: string;
    secondFactorStep: 'verify' | 'enrol' | null;
  };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const close = async () => {
    await send('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': session.csrfToken } }).catch(() => {});
  };
  if (session.secondFactorStep === 'enrol') {
    await close();
    throw new Problem('validation', `${credentials.email} must first set up two-factor sign-in in the browser.`);
  }
  if (session.secondFactorStep === 'verify') {
    const verified = credentials.code
      ? await send('/api/auth/second-factor/verify', {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ code: credentials.code }),
        })
      : undefined;
    if (verified?.status !== 200) {
      await close();
      throw new Problem(
        'validation',
        credentials.code
          ? `The server refused the code in CROSSROADS_CODE (HTTP ${verified?.status}): each code works once, within a minute.`
          : `${credentials.email} signs in with two factors: set CROSSROADS_CODE to the code their authenticator app shows now.`,
      );
    }
  }
  if (session.mustChangePassword) {
    await close();
    throw new Problem('validation', `${credentials.email} must first change their password in the browser.`);
  }
  return {
    close,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const response = await send(path, {
        method,
        headers: {
          cookie,
          'x-csrf-token': session.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}
