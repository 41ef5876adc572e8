import { Anchor, Badge, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, useCountryNames, useLanguageNames } from '../reference/pickers';
import { directoryQuery, membershipQuery, PAGE_SIZE } from './queries';

/** The network's directory of its current members, for its members and the co-ordinator. */
export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.directory.title'));
  const membership = useQuery(membershipQuery());
  const [text, setText] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const open = membership.data?.member || membership.data?.manages;
  const list = useQuery({ ...directoryQuery(text.trim(), country, offset), enabled: Boolean(open) });
  const countries = useCountryNames();
  const languages = useLanguageNames();

  return (
    <Stack gap="md">
      <Title order={1}>{t('network.directory.title')}</Title>
      <Text c="dimmed">{t('network.directory.intro')}</Text>
      <Group gap="sm" wrap="wrap">
        <Anchor component={Link} to="/network/notices">
          {t('network.notices.title')}
        </Anchor>
        <Anchor component={Link} to="/network/requests">
          {t('network.requests.title')}
        </Anchor>
        {membership.data?.nominates.map((iso2) => (
          <Anchor key={iso2} component={Link} to={`/network/states/${iso2}`}>
            {t('network.state.link', { country: countries.name(iso2) })}
          </Anchor>
        ))}
        {membership.data?.manages ? (
          <Anchor component={Link} to={`/network/states/${'AT'}`}>
            {t('network.state.nominations')}
          </Anchor>
        ) : null}
      </Group>
      {membership.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {membership.data && !open ? <Text role="status">{t('network.directory.membersOnly')}</Text> : null}
      {open ? (
        <>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('network.directory.search')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setOffset(0);
              }}
            />
            <CountryPicker
              label={t('network.library.country')}
              value={country}
              onChange={(c) => {
                setCountry(c);
                setOffset(0);
              }}
            />
          </Group>
          <ProblemAlert error={list.error} />
          {list.data && list.data.items.length === 0 ? (
            text || country ? (
              <Text role="status">{t('network.directory.noMatch')}</Text>
            ) : (
              <EmptyState message={t('network.directory.empty')} />
            )
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('network.directory.name')}</Table.Th>
                    <Table.Th>{t('network.library.country')}</Table.Th>
                    <Table.Th>{t('network.directory.agency')}</Table.Th>
                    <Table.Th>{t('network.directory.expertise')}</Table.Th>
                    <Table.Th>{t('network.directory.languages')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Text fw={600}>{f.name}</Text>
                        <Anchor href={`mailto:${f.email}`} size="sm">
                          {f.email}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{countries.name(f.countryIso2)}</Table.Td>
                      <Table.Td>
                        {f.agency}
                        {f.function ? (
                          <Text size="sm" c="dimmed">
                            {f.function}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{f.expertise}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {f.languages.map((l) => (
                            <Badge key={l} variant="outline" size="sm">
                              {languages.name(l)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pager
                total={list.data.total}
                limit={PAGE_SIZE}
                offset={offset}
                onChange={setOffset}
                label={t('network.directory.pages')}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
