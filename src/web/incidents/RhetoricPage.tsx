import { Alert, Anchor, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { useCountryNames } from '../reference/pickers';
import { countText } from './queries';
import { type RhetoricAggregate, rhetoricAggregateQuery } from './rhetoric-queries';

type Rows = RhetoricAggregate['byCountry'];

/** One published table of the aggregate, with the names in the reader's language. */
function CountTable({
  caption,
  rows,
  label,
  testId,
}: {
  caption: string;
  rows: Rows;
  label: (key: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table striped data-testid={testId}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption}</Table.Th>
          <Table.Th>{t('incidents.rhetoric.verified')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key} data-key={r.key}>
            <Table.Td>{label(r.key)}</Table.Td>
            <Table.Td>{countText(r.count, t('incidents.stats.suppressed'))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The public aggregate of verified xenophobic statements: by country, year, medium and speaker
 * role, clearly apart from (and never added to) the hate-incident statistics.
 */
export function RhetoricPage() {
  const { t } = useTranslation();
  usePageTitle(t('incidents.rhetoric.title'));
  const aggregate = useQuery(rhetoricAggregateQuery);
  const countries = useCountryNames();
  const canSubmit = useCan('rhetoric.submit');
  const canReview = useCan('rhetoric.review');
  const data = aggregate.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('incidents.rhetoric.title')}</Title>
        <Group>
          {canSubmit ? (
            <Anchor component={Link} to="/incidents/rhetoric/new">
              {t('incidents.rhetoric.record')}
            </Anchor>
          ) : null}
          {canReview ? (
            <Anchor component={Link} to="/incidents/rhetoric/review">
              {t('incidents.rhetoric.queueTitle')}
            </Anchor>
          ) : null}
        </Group>
      </Group>
      <Alert color="yellow" title={t('incidents.rhetoric.notHateCrime')} data-testid="not-hate-crime">
        {t('incidents.rhetoric.notHateCrimeText')}{' '}
        <Anchor component={Link} to="/incidents/statistics">
          {t('incidents.nav.statistics')}
        </Anchor>
      </Alert>
      <ProblemAlert error={aggregate.error} />
      {data && data.total.value === 0 ? (
        <EmptyState message={t('incidents.rhetoric.empty')} />
      ) : data ? (
        <>
          <Text fw={600} data-testid="rhetoric-total">
            {t('incidents.rhetoric.total', { total: countText(data.total, t('incidents.stats.suppressed')) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CountTable
              testId="rhetoric-by-country"
              caption={t('incidents.rhetoric.byCountry')}
              rows={data.byCountry}
              label={countries.name}
            />
            <CountTable testId="rhetoric-by-year" caption={t('incidents.rhetoric.byYear')} rows={data.byYear} label={(k) => k} />
            <CountTable
              testId="rhetoric-by-medium"
              caption={t('incidents.rhetoric.byMedium')}
              rows={data.byMedium}
              label={(k) => t(`incidents.rhetoric.medium.${k}`)}
            />
            <CountTable
              testId="rhetoric-by-role"
              caption={t('incidents.rhetoric.byRole')}
              rows={data.bySpeakerRole}
              label={(k) => t(`incidents.rhetoric.role.${k}`)}
            />
          </SimpleGrid>
          <Text size="sm">{t('incidents.rhetoric.rule')}</Text>
        </>
      ) : null}
    </Stack>
  );
}
