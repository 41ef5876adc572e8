import { Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../app/api';
import { DownloadIcon } from '../app/icons';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { BarChartView } from './Chart';
import { fulfilmentQuery, keysQuery, percent, useCountryNames } from './queries';

/** Per State: fair share under a chosen key, relocation places pledged and persons relocated. */
export function FulfilmentPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('solidarity.fulfilment.title'));
  const { name } = useCountryNames();
  const keys = useQuery(keysQuery);
  const [key, setKey] = useState('eu-2015-09');
  const [from, setFrom] = useState('');
  const view = useQuery(fulfilmentQuery(key, from));
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const states = view.data?.states ?? [];
  const categories = useMemo(() => states.map((s) => name(s.iso2)), [states, name]);
  const series = useMemo(
    () => [
      { name: t('solidarity.fulfilment.fairShare'), values: states.map((s) => s.fairShare) },
      { name: t('solidarity.fulfilment.pledged'), values: states.map((s) => s.pledged) },
      { name: t('solidarity.fulfilment.delivered'), values: states.map((s) => s.delivered) },
    ],
    [states, t],
  );
  const exportQuery = queryString({ key, from });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('solidarity.fulfilment.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('solidarity.fulfilment.intro')}
        </Text>
      </div>
      <Group align="flex-end">
        <NativeSelect
          label={t('solidarity.fulfilment.key')}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          data={(keys.data ?? [{ id: key, name: key }]).map((k) => ({ value: k.id, label: k.name }))}
          w={420}
        />
        <NativeSelect
          label={t('solidarity.fulfilment.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            { value: 'IT', label: name('IT') },
            { value: 'GR', label: name('GR') },
            { value: 'HU', label: name('HU') },
          ]}
        />
        <Button
          component="a"
          href={`/api/solidarity/fulfilment/export.csv${exportQuery}`}
          download
          variant="default"
          leftSection={<DownloadIcon />}
        >
          CSV
        </Button>
        <Button
          component="a"
          href={`/api/solidarity/fulfilment/export.xlsx${exportQuery}`}
          download
          variant="default"
          leftSection={<DownloadIcon />}
        >
          XLSX
        </Button>
      </Group>
      <ProblemAlert error={view.error} />
      {view.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {view.data ? (
        <>
          <Text role="status">
            {t('solidarity.fulfilment.summary', {
              fairShare: number.format(view.data.totals.fairShare),
              pledged: number.format(view.data.totals.pledged),
              delivered: number.format(view.data.totals.delivered),
            })}
          </Text>
          <BarChartView
            label={t('solidarity.fulfilment.chartLabel')}
            categories={categories}
            series={series}
            horizontal
            format={(v) => number.format(v)}
          />
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing={4} fz="sm" aria-label={t('solidarity.fulfilment.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('solidarity.state')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.fulfilment.fairShare')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.fulfilment.pledged')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.fulfilment.delivered')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.fulfilment.ofPledge')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('solidarity.fulfilment.ofFairShare')}
                  </Table.Th>
                  <Table.Th scope="col">{t('solidarity.fulfilment.other')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {states.map((s) => (
                  <Table.Tr key={s.iso2}>
                    <Table.Th scope="row" fw={500}>
                      {name(s.iso2)}
                    </Table.Th>
                    <Table.Td ta="right">{s.fairShare === null ? '—' : number.format(s.fairShare)}</Table.Td>
                    <Table.Td ta="right">{number.format(s.pledged)}</Table.Td>
                    <Table.Td ta="right">{number.format(s.delivered)}</Table.Td>
                    <Table.Td ta="right">{percent(s.deliveredOfPledge, 1)}</Table.Td>
                    <Table.Td ta="right">{percent(s.deliveredOfFairShare, 1)}</Table.Td>
                    <Table.Td>
                      {[
                        s.resettlementPlaces ? t('solidarity.fulfilment.resettlement', { count: s.resettlementPlaces }) : null,
                        s.experts ? t('solidarity.fulfilment.experts', { count: s.experts }) : null,
                        ...Object.entries(s.money).map(([currency, amount]) =>
                          new Intl.NumberFormat(i18n.resolvedLanguage, {
                            style: 'currency',
                            currency,
                            maximumFractionDigits: 0,
                          }).format(amount),
                        ),
                      ]
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </Table.Td>
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
