import { Group, Select, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { commitmentsQuery, type RecommendationDetail, recommendationQuery } from './queries';

/** The commitment of the consensus register a recommendation recalls: shown to all, chosen by those who follow it up. */
export function CommitmentField({ recommendation: r }: { recommendation: RecommendationDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const editable = r.actions.includes('commitment');
  const commitments = useQuery({ ...commitmentsQuery, enabled: editable });
  const save = useMutation({
    mutationFn: (commitmentId: string | null) => api.patch<RecommendationDetail>(`/recommendations/${r.id}`, { commitmentId }),
    onSuccess: (next) => {
      client.setQueryData(recommendationQuery(r.id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['recommendations', 'list'] });
    },
  });
  if (!editable) {
    return r.commitment ? (
      <Group gap="xs">
        <Text fw={500}>{t('reports.commitment.label')}:</Text>
        <Text>{r.commitment}</Text>
      </Group>
    ) : null;
  }
  const options = (commitments.data ?? []).map((c) => ({
    value: c.id,
    label: c.symbol ? `${c.symbol} — ${c.title} (${c.year})` : `${c.title} (${c.year})`,
  }));
  return (
    <>
      <Select
        label={t('reports.commitment.label')}
        description={options.length === 0 && commitments.isSuccess ? t('reports.commitment.empty') : t('reports.commitment.help')}
        placeholder={t('reports.commitment.none')}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        maw={640}
        data={options}
        value={r.commitmentId}
        disabled={save.isPending}
        onChange={(id) => save.mutate(id)}
      />
      <ProblemAlert error={save.error} />
    </>
  );
}
