import { Alert, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { type PreferenceList, type PreferenceView, preferencesQuery } from './queries';

type Mode = PreferenceView['mode'];

/** For each category: an email at once, a daily digest, or none; account security is always sent. */
export function PreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.preferences.title'));
  const preferences = useQuery(preferencesQuery);
  const [modes, setModes] = useState<Record<string, Mode>>({});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (preferences.data) setModes(Object.fromEntries(preferences.data.items.map((p) => [p.category, p.mode])));
  }, [preferences.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<PreferenceList>('/notifications/preferences', {
        preferences: (preferences.data?.items ?? [])
          .filter((p) => !p.mandatory)
          .map((p) => ({ category: p.category, mode: modes[p.category] ?? p.mode })),
      }),
    onSuccess: (data) => queryClient.setQueryData(preferencesQuery.queryKey, data),
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('notifications.preferences.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('notifications.preferences.intro')}
        </Text>
      </div>
      <ProblemAlert error={preferences.error ?? save.error} />
      {preferences.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {preferences.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('notifications.preferences.category')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.preferences.email')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preferences.data.items.map((p) => (
                    <Table.Tr key={p.category}>
                      <Table.Th scope="row" fw={500}>
                        {t(`notifications.category.${p.category}`)}
                        {p.mandatory ? (
                          <Text size="xs" c="dimmed">
                            {t('notifications.preferences.mandatory')}
                          </Text>
                        ) : null}
                      </Table.Th>
                      <Table.Td>
                        <SegmentedControl
                          size="xs"
                          disabled={p.mandatory}
                          aria-label={t(`notifications.category.${p.category}`)}
                          value={modes[p.category] ?? p.mode}
                          onChange={(value) => setModes((current) => ({ ...current, [p.category]: value as Mode }))}
                          data={(['immediate', 'digest', 'off'] as const).map((mode) => ({
                            value: mode,
                            label: t(`notifications.mode.${mode}`),
                          }))}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" c="dimmed">
              {t('notifications.preferences.noticesStay')}
            </Text>
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
            {save.isSuccess ? (
              <Alert color="green" role="status">
                {t('notifications.preferences.saved')}
              </Alert>
            ) : null}
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
