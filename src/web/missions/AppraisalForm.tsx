import { Button, Group, NativeSelect, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import type { MissionView } from './queries';

/** Appraises one member's work on a deployed mission; the appraisal joins the expert's history. */
export function AppraisalForm({ missionId, expertId, name }: { missionId: string; expertId: string; name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [appraisal, setAppraisal] = useState('');
  const [rating, setRating] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.put<MissionView>(`/missions/${missionId}/team/${expertId}/appraisal`, {
        appraisal: appraisal.trim(),
        rating: rating ? Number(rating) : null,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['missions'] });
      await client.invalidateQueries({ queryKey: ['roster'] });
    },
  });
  return (
    <form
      aria-label={t('missions.appraisal.of', { name })}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Group align="flex-end">
        <Textarea
          label={t('missions.appraisal.of', { name })}
          required
          autosize
          minRows={2}
          value={appraisal}
          onChange={(e) => setAppraisal(e.currentTarget.value)}
          error={fieldError(save.error, '/appraisal')}
          miw={360}
        />
        <NativeSelect
          label={t('missions.appraisal.rating')}
          value={rating}
          onChange={(e) => setRating(e.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`missions.appraisal.stars.${n}`) })),
          ]}
          error={fieldError(save.error, '/rating')}
        />
        <Button type="submit" variant="default" loading={save.isPending}>
          {t('missions.appraisal.save')}
        </Button>
        {save.isSuccess ? <Text size="sm">{t('missions.appraisal.saved')}</Text> : null}
      </Group>
      <ProblemAlert error={save.error} />
    </form>
  );
}
