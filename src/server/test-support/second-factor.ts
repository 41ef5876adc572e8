import { codeAt } from '../auth/second-factor/totp.js';

/** One JSON call on a session; answers the status and the parsed body. */
export type SessionCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

const PERIOD_MS = 30_000;
/** The authenticator secrets of accounts enrolled by tests, and the last time step each used. */
const enrolled = new Map<string, { secret: string; lastStep: number }>();

/** Records the secret an account enrolled with through the pages (read off the enrolment page). */
export function rememberSecret(account: string, secret: string): void {
  enrolled.set(account, { secret, lastStep: Number.NEGATIVE_INFINITY });
}

/** The secret a test enrolled an account with, to compute its codes (e.g. for the command line). */
export function enrolledSecret(account: string): string | undefined {
  return enrolled.get(account)?.secret;
}

/**
 * A code from the account's authenticator that the server has not yet accepted: each time step
 * is accepted once, so a test that signs in twice within 30 seconds waits for the next one.
 */
export async function freshCode(account: string): Promise<string> {
  const entry = enrolled.get(account);
  if (!entry) throw new Error(`${account} has no second factor enrolled by the tests`);
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / PERIOD_MS);
    // The server accepts the step before and after its own. The current step comes first: a code of
    // the step before could expire between typing and a slow server's check. The step after is
    // taken when the current one was used already.
    for (const step of [current, current + 1]) {
      if (step > entry.lastStep) {
        entry.lastStep = step;
        return codeAt(entry.secret, step * PERIOD_MS);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Takes a new session's second step as a person would: enrols with a new secret when the
 * session asks for it (remembering the secret under `account`), else types a fresh code.
 */
export async function passSecondStep(call: SessionCall, account: string, step: 'verify' | 'enrol' | null): Promise<void> {
  if (step === null) return;
  if (step === 'enrol') {
    const started = await call('POST', '/api/auth/second-factor/enrolment');
    if (started.status !== 200) throw new Error(`enrolment refused: ${started.status}`);
    rememberSecret(account, (started.body as { secret: string }).secret);
    const confirmed = await call('POST', '/api/auth/second-factor/enrolment/confirm', { code: await freshCode(account) });
    if (confirmed.status !== 200) throw new Error(`enrolment not confirmed: ${confirmed.status}`);
    return;
  }
  const verified = await call('POST', '/api/auth/second-factor/verify', { code: await freshCode(account) });
  if (verified.status !== 200) throw new Error(`second step refused: ${verified.status}`);
}
