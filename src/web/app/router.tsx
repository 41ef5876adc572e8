import type { QueryClient } from '@tanstack/react-query';
import {
  type AnyRoute,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { SignInPage } from '../auth/SignInPage';
import { HomePage } from '../home/HomePage';
import { WEB_DOMAINS } from './domains';
import { requireSignIn } from './guards';
import { Shell } from './Shell';
import { ErrorPage, NotFoundPage, PendingPage } from './StatusPages';
import { sessionQuery } from './session';

interface RouterContext {
  queryClient: QueryClient;
}

/** Only an address on this site may follow sign-in. */
function localAddress(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // The session decides every page: a pending password change takes precedence over all of them.
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session?.mustChangePassword && location.pathname !== '/change-password') throw redirect({ to: '/change-password' });
    return { session };
  },
  component: Shell,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = localAddress(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: ({ context }) => {
    if (context.session) throw redirect({ to: '/' });
  },
  component: SignInPage,
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'change-password',
  beforeLoad: requireSignIn,
  component: ChangePasswordPage,
});

const referenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reference',
  validateSearch: (search: Record<string, unknown>): { view?: 'countries' | 'structures' } =>
    search.view === 'structures' || search.view === 'countries' ? { view: search.view } : {},
  component: lazyRouteComponent(() => import('../reference/ReferencePage'), 'ReferencePage'),
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'users',
  beforeLoad: requireSignIn,
  component: lazyRouteComponent(() => import('../users/UsersPage'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'audit',
  beforeLoad: requireSignIn,
  component: lazyRouteComponent(() => import('../audit/AuditPage'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  changePasswordRoute,
  referenceRoute,
  usersRoute,
  auditRoute,
  // Each domain's pages hang from the root route; see src/web/DOMAINS.md.
  ...WEB_DOMAINS.flatMap((domain) => domain.routes(rootRoute as unknown as AnyRoute)),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: PendingPage,
    defaultPreload: 'intent',
    // The session query is the cache; the router need not keep its own copy of loader data.
    defaultPreloadStaleTime: 0,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
