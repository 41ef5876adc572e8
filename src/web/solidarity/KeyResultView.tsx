import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChartView } from './Chart';
import { type KeyDefinition, type KeyResult, percent, useCountryNames } from './queries';

/** The shares as a chart and the full table: share, allocation and each criterion's contribution. */
export function KeyResultView({ definition, result }: { definition: KeyDefinition; result: KeyResult }) {
  const { t, i18n } = useTranslation();
  const { name } = useCountryNames();
  const sorted = useMemo(() => [...result.states].sort((a, b) => b.share - a.share), [result]);
  const categories = useMemo(() => sorted.map((s) => name(s.iso2)), [sorted, name]);
  const series = useMemo(
    () => [{ name: t('solidarity.key.share'), values: sorted.map((s) => Number((s.share * 100).toFixed(3))) }],
    [sorted, t],
  );
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const labels = new Map(definition.criteria.map((c) => [c.code, c.label]));
  const columns = result.states[0]?.contributions.map((c) => c.criterion) ?? [];
  return (
    <>
      <BarChartView
        label={t('solidarity.key.chartLabel')}
        categories={categories}
        series={series}
        horizontal
        format={(v) => `${v} %`}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={4} fz="sm" aria-label={t('solidarity.key.sharesTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('solidarity.state')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('solidarity.key.share')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('solidarity.key.allocation')}
              </Table.Th>
              {columns.map((code) => (
                <Table.Th scope="col" ta="right" key={code}>
                  {labels.get(code) ?? code}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('solidarity.key.residual')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((state) => (
              <Table.Tr key={state.iso2}>
                <Table.Th scope="row" fw={500}>
                  {name(state.iso2)}
                  {state.beneficiary ? (
                    <Text span size="xs" c="blue.9" data-testid="beneficiary">
                      {' '}
                      ({t('solidarity.key.beneficiary')})
                    </Text>
                  ) : state.eligible ? null : (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('solidarity.key.ineligible')})
                    </Text>
                  )}
                </Table.Th>
                <Table.Td ta="right" className="nowrap">
                  {percent(state.share)}
                </Table.Td>
                <Table.Td ta="right">{number.format(state.allocation)}</Table.Td>
                {state.contributions.map((c) => (
                  <Table.Td ta="right" key={c.criterion}>
                    {percent(c.share)}
                    {c.capped ? (
                      <Text span size="xs" c="orange.9" title={t('solidarity.key.cappedHint')}>
                        {' '}
                        {t('solidarity.key.capped')}
                      </Text>
                    ) : null}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{percent(state.residual)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed">
        {t('solidarity.key.rounding', { total: number.format(result.total) })}
      </Text>
    </>
  );
}
