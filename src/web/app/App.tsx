import { MantineProvider, Modal, mergeThemeOverrides } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api';
import { createAppRouter } from './router';
import { rememberSession, SESSION_KEY } from './session';
import { cssVariablesResolver, theme } from './theme';

/** A session that ended on the server (expiry, sign-out elsewhere) sends the person back through the guards. */
function onProblem(error: unknown) {
  if (!(error instanceof ApiProblem)) return;
  if (error.code === 'unauthenticated') {
    rememberSession(queryClient, null);
    void router.invalidate();
  } else if (
    error.code === 'password_change_required' ||
    error.code === 'second_factor_required' ||
    error.code === 'second_factor_enrolment_required'
  ) {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY }).then(() => router.invalidate());
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onProblem }),
  mutationCache: new MutationCache({ onError: onProblem }),
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a network hiccup or a 5xx might.
      retry: (failures, error) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

export function App() {
  const { t } = useTranslation();
  // Every dialog's close button is named in the reader's language.
  const named = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }) },
      }),
    [t],
  );
  return (
    <MantineProvider theme={named} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
