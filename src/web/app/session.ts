import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiProblem, api, setCsrfToken } from './api';
import type { SessionView } from './types';

export const SESSION_KEY = ['session'] as const;

/** The signed-in person, or null for a visitor; the server answers 401 when there is no session. */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<SessionView | null> => {
    try {
      const session = await api.get<SessionView>('/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** Records a new session (after sign-in) or its end (after sign-out) without asking the server again. */
export function rememberSession(queryClient: QueryClient, session: SessionView | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (!session) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

/** The current session; the root route loads it before any page renders. */
export function useSession(): SessionView | null {
  return useQuery(sessionQuery).data ?? null;
}

/** Whether the person holds a verb somewhere, as the server listed in the session. */
export function useCan(verb: string): boolean {
  return useSession()?.permissions.includes(verb) ?? false;
}
