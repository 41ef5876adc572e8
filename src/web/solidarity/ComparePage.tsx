import { Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { BarChartView } from './Chart';
import { keyQuery, keysQuery, percent, useCountryNames } from './queries';

/** Two keys side by side: each State's share and allocation under both, and the difference. */
export function ComparePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('solidarity.compare.title'));
  const { name } = useCountryNames();
  const keys = useQuery(keysQuery);
  const [a, setA] = useState('eu-2015-05');
  const [b, setB] = useState('eu-2015-09');
  const left = useQuery(keyQuery(a));
  const right = useQuery(keyQuery(b));
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  const rows = useMemo(() => {
    if (!left.data || !right.data) return [];
    const codes = [...new Set([...left.data.result.states, ...right.data.result.states].map((s) => s.iso2))];
    const find = (states: typeof left.data.result.states, iso2: string) => states.find((s) => s.iso2 === iso2);
    return codes
      .map((iso2) => ({ iso2, a: find(left.data.result.states, iso2), b: find(right.data.result.states, iso2) }))
      .sort((x, y) => (y.a?.share ?? 0) + (y.b?.share ?? 0) - (x.a?.share ?? 0) - (x.b?.share ?? 0));
  }, [left.data, right.data]);
  const categories = useMemo(() => rows.map((r) => name(r.iso2)), [rows, name]);
  const series = useMemo(
    () => [
      { name: left.data?.name ?? a, values: rows.map((r) => (r.a ? Number((r.a.share * 100).toFixed(3)) : null)) },
      { name: right.data?.name ?? b, values: rows.map((r) => (r.b ? Number((r.b.share * 100).toFixed(3)) : null)) },
    ],
    [rows, left.data, right.data, a, b],
  );
  const options = (keys.data ?? []).map((k) => ({ value: k.id, label: k.name }));

  return (
    <Stack gap="md">
      <Title order={1}>{t('solidarity.compare.title')}</Title>
      <Text c="dimmed">{t('solidarity.compare.intro')}</Text>
      <Group grow>
        <NativeSelect
          label={t('solidarity.compare.first')}
          value={a}
          onChange={(e) => setA(e.currentTarget.value)}
          data={options}
        />
        <NativeSelect
          label={t('solidarity.compare.second')}
          value={b}
          onChange={(e) => setB(e.currentTarget.value)}
          data={options}
        />
      </Group>
      <ProblemAlert error={left.error ?? right.error ?? keys.error} />
      {left.isPending || right.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {rows.length > 0 ? (
        <>
          <BarChartView
            label={t('solidarity.compare.chartLabel')}
            categories={categories}
            series={series}
            horizontal
            format={(v) => `${v} %`}
          />
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4} fz="sm" aria-label={t('solidarity.compare.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('solidarity.state')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.compare.shareA')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.compare.shareB')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.compare.difference')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.compare.allocationA')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.compare.allocationB')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.iso2}>
                    <Table.Th scope="row" fw={500}>
                      {name(row.iso2)}
                    </Table.Th>
                    <Table.Td ta="right">{percent(row.a?.share)}</Table.Td>
                    <Table.Td ta="right">{percent(row.b?.share)}</Table.Td>
                    <Table.Td ta="right">
                      {row.a && row.b ? `${((row.b.share - row.a.share) * 100).toFixed(2)} pp` : '—'}
                    </Table.Td>
                    <Table.Td ta="right">{row.a ? number.format(row.a.allocation) : '—'}</Table.Td>
                    <Table.Td ta="right">{row.b ? number.format(row.b.allocation) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
