// A real OpenID Connect provider (the oidc-provider package) on 127.0.0.1, for the single sign-on
// tests: one client registered for the platform under test, its accounts set by each test, and the
// package's own sign-in page (any password is accepted for a known login).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's accounts by login; a test adds the ones it signs in with. */
  accounts: Map<string, ProviderAccount>;
  /** Registers the client's redirect URIs and starts answering (when they were not known at the start). */
  register(redirectUris: string[]): void;
  close(): Promise<void>;
}

export const TEST_CLIENT_ID = 'crossroads-test';
export const TEST_CLIENT_SECRET = 'crossroads-test-secret-not-for-production';

/**
 * Starts a provider on a free port of 127.0.0.1 whose client may return to `redirectUris`.
 * `issuerHost` names the issuer differently from the address it listens on (to test a mismatch).
 */
export async function startTestProvider(options: { redirectUris?: string[]; issuerHost?: string } = {}): Promise<TestProvider> {
  const accounts = new Map<string, ProviderAccount>();
  let handle: ReturnType<Provider['callback']> | undefined;
  // The provider needs its issuer, hence its port, before it can answer: it takes over once listening.
  const server = createServer((request, response) => {
    if (handle) handle(request, response);
    else response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.issuerHost ?? '127.0.0.1'}:${port}`;
  const register = (redirectUris: string[]) => {
    handle = configured(issuer, accounts, redirectUris).callback();
  };
  if (options.redirectUris) register(options.redirectUris);
  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    accounts,
    register,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function configured(issuer: string, accounts: Map<string, ProviderAccount>, redirectUris: string[]): Provider {
  return new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email !== undefined ? { email: account.email, email_verified: account.emailVerified ?? false } : {}),
            ...(account.name !== undefined ? { name: account.name } : {}),
          };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['a-test-provider-cookie-key-of-some-length'] },
    // The platform is the organisation's own application: the person is not asked to consent.
    async loadExistingGrant(ctx: {
      oidc: {
        provider: { Grant: new (values: object) => GrantLike };
        client: { clientId: string };
        session: { accountId: string };
      };
    }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
  });
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}

/**
 * Goes through the provider's pages as a browser would, from the authorisation address to the
 * redirect back to the platform, signing in as `login`: returns that redirect's address.
 */
export async function signInAtProvider(authorizeUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizeUrl);
  const origin = url.origin;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    body = undefined;
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair as string).split('=');
      jar.set(name as string, value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"'))
      throw new Error(`The provider answered ${response.status} without its sign-in form.`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    body = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  }
  throw new Error('The provider did not send the browser back to the platform.');
}
