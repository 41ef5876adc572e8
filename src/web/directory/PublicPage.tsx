import { Anchor, Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useApiLanguage } from '../reference/queries';
import { CountryMap, SHADES } from './CountryMap';
import { activitiesQuery, KEY_AREAS, mapQuery, useCountries } from './queries';

const LIMIT = 25;

/** The open directory: where activities are, on a map and in a table, for anyone, without an account. */
export function PublicPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.public.title'));
  const lang = useApiLanguage();
  const countries = useCountries();
  const [keyArea, setKeyArea] = useState('');
  const [country, setCountry] = useState('');
  const [offset, setOffset] = useState(0);
  const map = useQuery(mapQuery({ keyArea: keyArea || undefined }));
  const activities = useQuery(
    activitiesQuery(lang, { keyArea: keyArea || undefined, country: country || undefined, limit: LIMIT, offset }),
  );
  const counts = new Map((map.data ?? []).map((c) => [c.iso2, c.activities]));
  const byCount = [...(map.data ?? [])].sort((a, b) => b.activities - a.activities);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('directory.public.title')}</Title>
        <Text mt={4}>{t('directory.public.intro')}</Text>
      </div>
      <Group>
        <Button component={Link} to="/directory/whom-to-call">
          {t('directory.nav.whom')}
        </Button>
        <Anchor href="/api/directory/matrix?format=csv" download>
          {t('directory.import.exportCsv')}
        </Anchor>
      </Group>
      <NativeSelect
        label={t('directory.search.keyArea')}
        value={keyArea}
        onChange={(e) => {
          setKeyArea(e.currentTarget.value);
          setOffset(0);
        }}
        data={[
          { value: '', label: t('directory.search.any') },
          ...KEY_AREAS.map((k) => ({ value: k, label: t(`directory.keyArea.${k}`) })),
        ]}
        maw={420}
      />
      <ProblemAlert error={map.error ?? activities.error} />
      {map.isPending ? <Loader aria-label={t('directory.loading')} /> : null}
      <CountryMap
        label={t('directory.public.mapLabel')}
        counts={counts}
        name={countries.name}
        unit={(count) => t('directory.activityCount', { count })}
      />
      <Group gap={4} aria-hidden="true">
        <Text size="xs">{t('directory.public.fewer')}</Text>
        {SHADES.map((s) => (
          <span key={s} style={{ display: 'inline-block', width: 24, height: 12, background: s }} />
        ))}
        <Text size="xs">{t('directory.public.more')}</Text>
      </Group>
      <Title order={2}>{t('directory.public.byCountry')}</Title>
      <Table striped aria-label={t('directory.public.byCountry')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directory.search.country')}</Table.Th>
            <Table.Th>{t('directory.kind.activity')}</Table.Th>
            <Table.Th>{t('directory.public.organisations')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byCount.map((c) => (
            <Table.Tr key={c.iso2}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => {
                    setCountry(c.iso2);
                    setOffset(0);
                  }}
                >
                  {countries.name(c.iso2)}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.activities}</Table.Td>
              <Table.Td>{c.organisations}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Title order={2}>
          {country ? t('directory.public.activitiesIn', { country: countries.name(country) }) : t('directory.public.activities')}
        </Title>
        {country ? (
          <Button variant="subtle" size="xs" onClick={() => setCountry('')}>
            {t('directory.public.allCountries')}
          </Button>
        ) : null}
      </Group>
      <Table striped aria-label={t('directory.public.activities')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directory.activity.organisation')}</Table.Th>
            <Table.Th>{t('directory.activity.title')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('directory.activity.countries')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('directory.activity.status')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('directory.activity.when')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('directory.activity.contact')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(activities.data?.items ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/directory/organisations/${a.organisation.id}`}>
                  {a.organisation.acronym ?? a.organisation.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {a.title}
                {/* On a phone the other columns fold into one line under the title. */}
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {[
                    a.countries.map(countries.name).join(', '),
                    t(`directory.status.${a.status}`),
                    a.startDate ? `${a.startDate} – ${a.endDate ?? '…'}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{a.countries.map(countries.name).join(', ')}</Table.Td>
              <Table.Td visibleFrom="sm">{t(`directory.status.${a.status}`)}</Table.Td>
              <Table.Td visibleFrom="sm">{a.startDate ? `${a.startDate} – ${a.endDate ?? '…'}` : '—'}</Table.Td>
              <Table.Td visibleFrom="sm">
                {a.contact ? (
                  <Anchor component={Link} to={`/directory/contacts/${a.contact.id}`}>
                    {a.contact.name}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {activities.data ? (
        <Pager
          total={activities.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={setOffset}
          label={t('directory.public.activities')}
        />
      ) : null}
    </Stack>
  );
}
