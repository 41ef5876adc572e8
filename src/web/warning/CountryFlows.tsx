import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CountryFlowsView } from '../../server/warning/flows/schemas.js';
import { api, queryString } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { currentLanguage } from '../i18n';

const ROLES = ['origin', 'transit', 'destination'] as const;

/** The country's role in the flows year by year, and the drivers of displacement its reports and alerts named. */
export function CountryFlows({ iso2 }: { iso2: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  const flows = useQuery({
    queryKey: ['warning', 'flows', iso2, lang],
    queryFn: () => api.get<CountryFlowsView>(`/warning/countries/${iso2}/flows${queryString({ lang })}`),
  });
  const number = (n: number | null) => (n === null ? '—' : n.toLocaleString(i18n.language));
  const roles = (flows.data?.roles ?? []).slice(0, 10);
  const drivers = flows.data?.drivers ?? [];
  return (
    <Stack gap="xs">
      {flows.error ? <ProblemAlert error={flows.error} /> : null}
      <Title order={2}>{t('warning.flows.roles')}</Title>
      {flows.data && roles.length === 0 ? <Text c="dimmed">{t('warning.flows.noRoles')}</Text> : null}
      {roles.length > 0 ? (
        <Table aria-label={t('warning.flows.roles')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warning.year')}</Table.Th>
              <Table.Th>{t('warning.flows.role')}</Table.Th>
              <Table.Th>{t('warning.flows.refugeesFrom')}</Table.Th>
              <Table.Th>{t('warning.flows.refugeesHosted')}</Table.Th>
              <Table.Th>{t('warning.flows.arrivals')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((r) => (
              <Table.Tr key={r.year} data-year={r.year}>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {ROLES.filter((role) => r[role]).map((role) => (
                      <Badge key={role} variant="light">
                        {t(`warning.flows.${role}`)}
                      </Badge>
                    ))}
                    {ROLES.some((role) => r[role]) ? null : <Text size="sm">{t('warning.flows.noRole')}</Text>}
                  </Group>
                </Table.Td>
                <Table.Td>{number(r.refugeesFrom)}</Table.Td>
                <Table.Td>{number(r.refugeesHosted)}</Table.Td>
                <Table.Td>{number(r.arrivals)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('warning.flows.method')}
      </Text>
      <Title order={2}>{t('warning.flows.drivers')}</Title>
      {flows.data && drivers.length === 0 ? <Text c="dimmed">{t('warning.flows.noDrivers')}</Text> : null}
      {drivers.length > 0 ? (
        <Table aria-label={t('warning.flows.drivers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warning.year')}</Table.Th>
              <Table.Th>{t('warning.flows.driver')}</Table.Th>
              <Table.Th>{t('warning.flows.reports')}</Table.Th>
              <Table.Th>{t('warning.flows.alerts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drivers.map((d) => (
              <Table.Tr key={`${d.year}-${d.driver}`} data-driver={d.driver}>
                <Table.Td>{d.year}</Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>{d.reports}</Table.Td>
                <Table.Td>{d.alerts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
