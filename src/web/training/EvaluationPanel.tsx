import { List, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { evaluationsQuery } from './queries';

const ASPECTS = ['relevance', 'content', 'trainers', 'organisation'] as const;

/** Evaluation results in aggregate; below five answers the page says how many there are and nothing else. */
export function EvaluationPanel({ filter }: { filter: { sessionId?: string; courseId?: string | null; year?: number | null } }) {
  const { t } = useTranslation();
  const summary = useQuery(evaluationsQuery(filter));
  const s = summary.data;
  if (!s) return <ProblemAlert error={summary.error} />;
  if (!s.means) return <Text>{t('training.evaluation.tooFew', { count: s.answers, minimum: s.minimum })}</Text>;
  return (
    <Stack gap="sm">
      <Text>{t('training.evaluation.count', { count: s.answers })}</Text>
      <Table aria-label={t('training.evaluation.results')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.evaluation.aspect')}</Table.Th>
            <Table.Th>{t('training.evaluation.mean')}</Table.Th>
            {[1, 2, 3, 4, 5].map((v) => (
              <Table.Th key={v}>{v}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ASPECTS.map((a) => (
            <Table.Tr key={a}>
              <Table.Td>{t(`training.evaluation.${a}`)}</Table.Td>
              <Table.Td>{s.means?.[a]}</Table.Td>
              {[1, 2, 3, 4, 5].map((v) => (
                <Table.Td key={v}>{s.distribution?.[a]?.[v - 1] ?? 0}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {s.comments && s.comments.length > 0 ? (
        <List>
          {s.comments.map((c, i) => (
            // Comments are sorted text that may repeat: their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, sorted list that is only replaced whole.
            <List.Item key={i}>{c}</List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
