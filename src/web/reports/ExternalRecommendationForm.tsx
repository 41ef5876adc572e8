import { Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { OrganisationPicker } from '../directory/OrganisationPicker';
import { CountryPicker } from '../reference/pickers';
import { DIMENSIONS, KEY_AREAS, PRIORITIES, type RecommendationDetail } from './queries';

const EMPTY = {
  sourceOrganisationId: null as string | null,
  sourceDocument: '',
  sourceDate: '',
  text: '',
  addresseeCountry: null as string | null,
  addresseeOrganisationId: null as string | null,
  keyArea: 'protection',
  dimension: 'human',
  priority: 'medium',
  dueOn: '',
};

/** Adds a recommendation an external organisation issued (UNHCR, IOM and others) to the tracker. */
export function ExternalRecommendationForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const missing: Record<string, boolean> = tried
    ? {
        '/sourceOrganisationId': !form.sourceOrganisationId,
        '/sourceDocument': !form.sourceDocument.trim(),
        '/sourceDate': !form.sourceDate,
        '/text': !form.text.trim(),
      }
    : {};
  const add = useMutation({
    mutationFn: () =>
      api.post<RecommendationDetail>('/recommendations', {
        ...form,
        sourceDocument: form.sourceDocument.trim(),
        text: form.text.trim(),
        dueOn: form.dueOn || null,
      }),
    onSuccess: (created) => {
      setForm(EMPTY);
      setTried(false);
      void client.invalidateQueries({ queryKey: ['recommendations'] });
      void navigate({ to: `/recommendations/${created.id}` });
    },
  });
  const errorOf = useFieldErrors(add.error, missing);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setTried(true);
        if (!form.sourceOrganisationId || !form.sourceDocument.trim() || !form.sourceDate || !form.text.trim()) return;
        add.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2}>{t('reports.source.addTitle')}</Title>
        <ProblemAlert error={add.error} />
        <Group grow align="flex-start">
          <OrganisationPicker
            label={t('reports.source.organisation')}
            description={t('reports.source.organisationHelp')}
            required
            value={form.sourceOrganisationId ?? ''}
            onChange={(id) => setForm({ ...form, sourceOrganisationId: id || null })}
            error={errorOf('/sourceOrganisationId')}
          />
          <TextInput
            label={t('reports.source.document')}
            description={t('reports.source.documentHelp')}
            required
            value={form.sourceDocument}
            onChange={(e) => setForm({ ...form, sourceDocument: e.currentTarget.value })}
            error={errorOf('/sourceDocument')}
          />
          <TextInput
            type="date"
            label={t('reports.source.date')}
            required
            value={form.sourceDate}
            onChange={(e) => setForm({ ...form, sourceDate: e.currentTarget.value })}
            error={errorOf('/sourceDate')}
          />
        </Group>
        <Textarea
          label={t('reports.fields.recommendation')}
          required
          autosize
          minRows={2}
          value={form.text}
          onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
          error={errorOf('/text')}
        />
        <Group grow align="flex-start">
          <CountryPicker
            label={t('reports.recommendation.country')}
            description={t('reports.source.addresseeHelp')}
            value={form.addresseeCountry}
            onChange={(code) =>
              setForm({ ...form, addresseeCountry: code, addresseeOrganisationId: code ? null : form.addresseeOrganisationId })
            }
            error={errorOf('/addresseeCountry')}
          />
          <OrganisationPicker
            label={t('reports.source.addresseeOrganisation')}
            value={form.addresseeOrganisationId ?? ''}
            onChange={(id) =>
              setForm({ ...form, addresseeOrganisationId: id || null, addresseeCountry: id ? null : form.addresseeCountry })
            }
            error={errorOf('/addresseeOrganisationId')}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('reports.fields.keyArea')}
            value={form.keyArea}
            data={KEY_AREAS.map((k) => ({ value: k, label: t(`reports.keyArea.${k}`) }))}
            onChange={(e) => setForm({ ...form, keyArea: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('reports.fields.dimension')}
            value={form.dimension}
            data={DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dimension.${d}`) }))}
            onChange={(e) => setForm({ ...form, dimension: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('reports.fields.priority')}
            value={form.priority}
            data={PRIORITIES.map((p) => ({ value: p, label: t(`reports.priority.${p}`) }))}
            onChange={(e) => setForm({ ...form, priority: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('reports.fields.due')}
            value={form.dueOn}
            onChange={(e) => setForm({ ...form, dueOn: e.currentTarget.value })}
            error={errorOf('/dueOn')}
          />
        </Group>
        <Button type="submit" w="fit-content" loading={add.isPending}>
          {t('reports.source.addButton')}
        </Button>
      </Stack>
    </Paper>
  );
}
