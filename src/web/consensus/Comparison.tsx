import { Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison as ComparisonView } from '../../server/consensus/revisions/schemas';
import { api } from '../app/api';
import type { DocumentView } from './queries';

/** Each run of words with where it starts in the compared texts, a key that stays with the run. */
function withOffsets(words: ComparisonView['paragraphs'][number]['words']) {
  let at = 0;
  return words.map((w) => {
    const item = { w, at: `${w.op}-${at}` };
    at += w.text.length;
    return item;
  });
}

/** A word-level comparison of two revisions, paragraph by paragraph: added, deleted, moved, changed. */
export function Comparison({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const last = doc.currentRevision;
  const [from, setFrom] = useState<string | null>(String(Math.max(1, last - 1)));
  const [to, setTo] = useState<string | null>(doc.stage === 'drafting' ? '0' : String(last));
  const options = [
    ...doc.revisions.map((r) => ({ value: String(r.number), label: r.symbol })),
    ...(doc.stage === 'drafting' ? [{ value: '0', label: t('consensus.compare.working') }] : []),
  ];
  const diff = useQuery({
    queryKey: ['consensus', 'compare', doc.id, from, to, doc.updatedAt],
    queryFn: () => api.get<ComparisonView>(`/consensus/documents/${doc.id}/compare?from=${from}&to=${to}`),
    enabled: Boolean(from && to),
  });
  return (
    <Stack gap="sm">
      <Title order={2}>{t('consensus.compare.title')}</Title>
      <Group>
        <Select
          label={t('consensus.compare.from')}
          data={options.filter((o) => o.value !== '0')}
          value={from}
          onChange={setFrom}
          allowDeselect={false}
        />
        <Select label={t('consensus.compare.to')} data={options} value={to} onChange={setTo} allowDeselect={false} />
      </Group>
      <Table>
        <Table.Tbody>
          {(diff.data?.paragraphs ?? []).map((p) => (
            <Table.Tr key={p.id} data-testid="compare-row">
              <Table.Td w={110}>
                <Text fw={700}>{p.toNumber ?? p.fromNumber}</Text>
                {p.fromNumber && p.toNumber && p.fromNumber !== p.toNumber ? (
                  <Text size="xs" c="dimmed">
                    {t('consensus.compare.was', { number: p.fromNumber })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td w={120}>
                {p.change !== 'same' ? (
                  <Badge color={{ added: 'green', deleted: 'red', changed: 'blue' }[p.change]}>
                    {t(`consensus.compare.${p.change}`)}
                  </Badge>
                ) : null}
                {p.moved ? <Badge color="grape">{t('consensus.compare.moved')}</Badge> : null}
              </Table.Td>
              <Table.Td>
                {withOffsets(p.words).map(({ w, at }) =>
                  w.op === 'added' ? (
                    <ins key={at} style={{ background: '#d3f9d8' }}>
                      {w.text}
                    </ins>
                  ) : w.op === 'deleted' ? (
                    <del key={at} style={{ background: '#ffe3e3' }}>
                      {w.text}
                    </del>
                  ) : (
                    <span key={at}>{w.text}</span>
                  ),
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
