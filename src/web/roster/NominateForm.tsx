import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldErrorWithin } from '../app/field-errors';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { CountriesPicker, CountryPicker } from '../reference/pickers';
import { structuresQuery, useApiLanguage } from '../reference/queries';
import type { ExpertView } from './queries';

/** Nominates an expert: the server decides for which structures and States the person may do so. */
export function NominateForm() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const structures = useQuery(structuresQuery(lang));
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    name: '',
    organisationId: '',
    gender: 'female',
    nationalities: [] as string[],
    seconding: null as string | null,
  });
  const nominate = useMutation({
    mutationFn: () =>
      api.post<ExpertView>('/roster/experts', {
        name: form.name,
        organisationId: form.organisationId,
        gender: form.gender,
        nationalities: form.nationalities,
        secondingIso2: form.seconding,
      }),
    onSuccess: async (expert) => {
      await client.invalidateQueries({ queryKey: ['roster'] });
      await navigate({ to: `/roster/experts/${expert.id}` });
    },
  });
  if (!open) {
    return (
      <Button variant="default" w="fit-content" onClick={() => setOpen(true)}>
        {t('roster.nominate.open')}
      </Button>
    );
  }
  return (
    <form
      aria-label={t('roster.nominate.title')}
      onSubmit={(event) => {
        event.preventDefault();
        nominate.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={2}>{t('roster.nominate.title')}</Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            required
            label={t('roster.fields.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={fieldError(nominate.error, '/name')}
          />
          <NativeSelect
            required
            label={t('roster.fields.structure')}
            value={form.organisationId}
            onChange={(e) => setForm({ ...form, organisationId: e.currentTarget.value })}
            data={[{ value: '', label: '—' }, ...(structures.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            w={320}
          />
          <NativeSelect
            label={t('roster.nominate.gender')}
            value={form.gender}
            onChange={(e) => setForm({ ...form, gender: e.currentTarget.value })}
            data={['female', 'male', 'other', 'undisclosed'].map((g) => ({ value: g, label: t(`roster.gender.${g}`) }))}
          />
          <CountriesPicker
            required
            label={t('roster.nominate.nationality')}
            value={form.nationalities}
            onChange={(nationalities) => setForm({ ...form, nationalities })}
            error={fieldErrorWithin(nominate.error, '/nationalities')}
            miw={240}
          />
          <CountryPicker
            label={t('roster.nominate.seconding')}
            value={form.seconding}
            onChange={(seconding) => setForm({ ...form, seconding })}
            error={fieldError(nominate.error, '/secondingIso2')}
          />
          <Button type="submit" loading={nominate.isPending}>
            {t('roster.nominate.submit')}
          </Button>
        </Group>
        <ProblemAlert error={nominate.error} />
      </Stack>
    </form>
  );
}
