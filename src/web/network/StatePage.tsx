import { Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { EmptyState } from '../app/EmptyState';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, LanguagesPicker, useCountryNames } from '../reference/pickers';
import { membershipQuery, stateQuery } from './queries';

/** A State's focal points for its delegation: nominate, renew, withdraw; the co-ordinator confirms here too. */
export function StatePage() {
  const { t, i18n } = useTranslation();
  const { iso2 } = useParams({ strict: false }) as { iso2: string };
  const countries = useCountryNames();
  usePageTitle(t('network.state.title', { country: countries.name(iso2) }));
  const queryClient = useQueryClient();
  const membership = useQuery(membershipQuery());
  const list = useQuery(stateQuery(iso2));
  const [email, setEmail] = useState('');
  const [agency, setAgency] = useState('');
  const [fn, setFn] = useState('');
  const [expertise, setExpertise] = useState('');
  const [languages, setLanguages] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['network'] });
  const nominate = useMutation({
    mutationFn: () =>
      api.post(`/network/states/${iso2}/focal-points`, {
        email: email.trim(),
        agency: agency.trim(),
        function: fn.trim(),
        expertise: expertise.trim(),
        languages,
      }),
    onSuccess: () => {
      setEmail('');
      setAgency('');
      setFn('');
      setExpertise('');
      setLanguages([]);
      setTried(false);
      void refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: string }) => api.post(`/network/focal-points/${id}/${action}`),
    onSuccess: refresh,
  });
  const missing: Record<string, boolean> = tried ? { '/email': !email.trim(), '/agency': !agency.trim() } : {};
  const errorOf = useFieldErrors(nominate.error, missing);
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <Stack gap="md">
      <Title order={1}>{t('network.state.title', { country: countries.name(iso2) })}</Title>
      <Text c="dimmed">{t('network.state.intro')}</Text>
      {membership.data?.manages ? (
        <CountryPicker
          label={t('network.state.other')}
          value={iso2}
          onChange={(c) => c && window.location.assign(`/network/states/${c}`)}
          maw={320}
        />
      ) : null}
      <ProblemAlert error={list.error ?? act.error} />
      {list.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState message={t('network.state.empty')} /> : null}
      {list.data && list.data.items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('network.directory.name')}</Table.Th>
              <Table.Th>{t('network.directory.agency')}</Table.Th>
              <Table.Th>{t('network.state.status')}</Table.Th>
              <Table.Th>{t('network.state.expires')}</Table.Th>
              <Table.Th>{t('network.state.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  {f.name}
                  <Text size="sm" c="dimmed">
                    {f.email}
                  </Text>
                </Table.Td>
                <Table.Td>{f.agency}</Table.Td>
                <Table.Td>
                  <Badge color={f.member ? 'green' : f.status === 'nominated' ? 'blue' : 'gray'}>
                    {t(f.status === 'confirmed' && !f.member ? 'network.state.expired' : `network.status.${f.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{f.expiresOn ? day.format(new Date(f.expiresOn)) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {f.actions.map((action) => (
                      <Button key={action} size="xs" variant="default" onClick={() => act.mutate({ id: f.id, action })}>
                        {t(`network.state.${action}`)}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Title order={2} size="h3">
        {t('network.state.nominate')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (email.trim() && agency.trim()) nominate.mutate();
        }}
      >
        <Stack gap="sm" maw={640}>
          <TextInput
            type="email"
            label={t('network.state.email')}
            description={t('network.state.emailHint')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errorOf('/email')}
            required
          />
          <TextInput
            label={t('network.directory.agency')}
            value={agency}
            onChange={(e) => setAgency(e.currentTarget.value)}
            error={errorOf('/agency')}
            required
          />
          <TextInput label={t('network.state.function')} value={fn} onChange={(e) => setFn(e.currentTarget.value)} />
          <TextInput
            label={t('network.directory.expertise')}
            value={expertise}
            onChange={(e) => setExpertise(e.currentTarget.value)}
          />
          <LanguagesPicker label={t('network.directory.languages')} value={languages} onChange={setLanguages} />
          <ProblemAlert
            error={nominate.error && (nominate.error as { errors?: unknown[] }).errors?.length ? null : nominate.error}
          />
          <Group>
            <Button type="submit" loading={nominate.isPending}>
              {t('network.state.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
