import type { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRootRouteWithContext, createRouter, redirect } from '@tanstack/react-router';
import { WEB_DOMAINS } from './domains';
import { Shell } from './Shell';
import { ErrorPage, NotFoundPage, PendingPage } from './StatusPages';
import { sessionQuery } from './session';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // The session decides every page: a pending password change takes precedence over all of them.
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    // The second step of signing in comes first of all: until it is done the session vouches for no one.
    if (session?.secondFactorStep && location.pathname !== '/second-factor') throw redirect({ to: '/second-factor' });
    if (session?.mustChangePassword && !session.secondFactorStep && location.pathname !== '/change-password')
      throw redirect({ to: '/change-password' });
    return { session };
  },
  component: Shell,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

// Each domain's pages hang from the root route, the platform's own pages too; see src/web/DOMAINS.md.
const routeTree = rootRoute.addChildren([...WEB_DOMAINS.flatMap((domain) => domain.routes(rootRoute as unknown as AnyRoute))]);

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
