import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { audit } from '../../audit/record.js';
import type { Config, SsoConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem, type ProblemCode } from '../../http/problems.js';
import { LANGUAGES } from '../../reference/values.js';
import { hashToken, type OpenedSession, openSession, type SessionDetails } from '../service.js';
import { providerConfiguration, refusalReason } from './provider.js';
import * as q from './queries.js';
import type { SsoSettingsView } from './schemas.js';

/** How long a sign-in may stay at the provider before its answer is no longer accepted. */
export const ATTEMPT_MINUTES = 10;

/** A refused single sign-on: the person sees the problem's code, the log keeps the reason. */
export class SsoRefused extends Problem {
  constructor(
    readonly reason: string,
    code: ProblemCode = 'sso_failed',
  ) {
    super(code);
  }
}

function requireSso(config: Config): SsoConfig {
  if (!config.sso) throw new Problem('sso_not_configured');
  return config.sso;
}

/** Where the provider sends the browser back: registered with the provider as the client's redirect URI. */
export function redirectUri(config: Config): string {
  return `${config.publicUrl}/api/auth/oidc/callback`;
}

/** What the sign-in page needs to know: whether single sign-on is offered, and under which name. */
export function ssoSettings(config: Config): SsoSettingsView {
  return { enabled: config.sso !== undefined, name: config.sso?.name ?? null };
}

async function reachProvider(sso: SsoConfig): Promise<client.Configuration> {
  try {
    return await providerConfiguration(sso);
  } catch (error) {
    throw new SsoRefused(`discovery: ${refusalReason(error)}`, 'unavailable');
  }
}

/**
 * Sends the person to the provider: the authorisation code flow with PKCE. The state, nonce and
 * code verifier stay in the database (the state only as a hash); the state also goes into the
 * browser's cookie, so that only the browser that started the sign-in can finish it.
 */
export async function beginSignIn(ctx: Context, input: { returnTo?: string }): Promise<{ url: string; state: string }> {
  const sso = requireSso(ctx.config);
  const provider = await reachProvider(sso);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await inTransaction(ctx.db, async (trx) => {
    await q.deleteExpiredAttempts(trx);
    await q.insertAttempt(trx, {
      stateHash: hashToken(state),
      nonce,
      codeVerifier,
      returnTo: input.returnTo ?? null,
      minutes: ATTEMPT_MINUTES,
    });
  });
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri(ctx.config),
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state };
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface ProvidedIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
  language: string | undefined;
}

/** The identity the provider vouches for: the ID token's claims, completed from userinfo when it holds no email. */
async function providedIdentity(
  provider: client.Configuration,
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
) {
  const claims = tokens.claims();
  if (!claims) throw new SsoRefused('no_id_token');
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== 'string' && provider.serverMetadata().userinfo_endpoint) {
    source = { ...(await client.fetchUserInfo(provider, tokens.access_token, claims.sub)), sub: claims.sub };
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const locale = text(source.locale)?.slice(0, 2).toLowerCase();
  return {
    subject: claims.sub,
    email: text(source.email),
    // Only a literal true: a provider that does not say so has not checked the address.
    emailVerified: source.email_verified === true,
    name: text(source.name)?.slice(0, 200),
    language: (LANGUAGES as readonly string[]).includes(locale ?? '') ? locale : undefined,
  } satisfies ProvidedIdentity;
}

/**
 * Finishes a sign-in with the provider's answer: checks the state against the browser's cookie,
 * then (through openid-client) the issuer, the code with its PKCE verifier, the ID token and its
 * nonce. The account is the one linked to the provider's account, else the one with the same
 * verified email (linked now), else a new one without roles. The session opens as a password
 * sign-in's does.
 */
export async function finishSignIn(
  ctx: Context,
  answer: { search: string; cookieState: string | undefined },
  details: SessionDetails,
): Promise<OpenedSession & { returnTo: string }> {
  const sso = requireSso(ctx.config);
  const params = new URLSearchParams(answer.search);
  const state = params.get('state');
  if (!state || !answer.cookieState || !sameState(state, answer.cookieState)) throw new SsoRefused('state');
  const attempt = await q.takeAttempt(ctx.db, hashToken(state));
  if (!attempt) throw new SsoRefused('state');
  const provider = await reachProvider(sso);
  const current = new URL(redirectUri(ctx.config));
  current.search = params.toString();
  let identity: ProvidedIdentity;
  try {
    const tokens = await client.authorizationCodeGrant(provider, current, {
      expectedState: state,
      expectedNonce: attempt.nonce,
      pkceCodeVerifier: attempt.code_verifier,
      idTokenExpected: true,
    });
    identity = await providedIdentity(provider, tokens);
  } catch (error) {
    if (error instanceof SsoRefused) throw error;
    throw new SsoRefused(refusalReason(error));
  }
  const issuer = provider.serverMetadata().issuer;
  const account = await accountFor(ctx, issuer, identity);
  const opened = await openSession(ctx, account.userId, details, {
    verb: 'auth.sso.sign_in',
    alongside: (trx) => q.touchIdentity(trx, issuer, identity.subject),
  });
  return { ...opened, returnTo: attempt.return_to ?? '/' };
}

/** The platform account for the provider's account, linking or opening one at the first sign-in. */
async function accountFor(ctx: Context, issuer: string, identity: ProvidedIdentity): Promise<{ userId: string }> {
  const linked = await q.selectLinkedUser(ctx.db, issuer, identity.subject);
  if (linked) {
    if (linked.disabled_at) throw new SsoRefused('disabled', 'account_disabled');
    return { userId: linked.id };
  }
  const email = identity.email;
  if (!email || !identity.emailVerified) throw new SsoRefused('email_unverified', 'sso_email_unverified');
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) throw new SsoRefused('email_invalid', 'sso_email_unverified');
  return inTransaction(ctx.db, async (trx) => {
    const existing = await q.selectUserByEmail(trx, email);
    if (existing?.disabled_at) throw new SsoRefused('disabled', 'account_disabled');
    if (existing) {
      await q.insertIdentity(trx, { issuer, subject: identity.subject, userId: existing.id });
      const withdrawn = Number((await q.withdrawOneTimePassword(trx, existing.id))[0]?.numUpdatedRows ?? 0) > 0;
      await audit(
        trx,
        ctx,
        { verb: 'auth.sso.linked', recordType: 'user', recordId: existing.id, details: { oneTimePasswordWithdrawn: withdrawn } },
        { actorId: existing.id },
      );
      return { userId: existing.id };
    }
    const { id } = await q.insertUser(trx, {
      email,
      name: identity.name ?? email.slice(0, email.indexOf('@')),
      language: identity.language ?? 'en',
    });
    await q.insertIdentity(trx, { issuer, subject: identity.subject, userId: id });
    await audit(trx, ctx, { verb: 'auth.sso.account_created', recordType: 'user', recordId: id }, { actorId: id });
    return { userId: id };
  });
}
