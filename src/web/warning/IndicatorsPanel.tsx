import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorView } from '../../server/warning/indicators/schemas.js';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { LANGUAGES } from '../i18n';
import { useApiLanguage } from '../reference/queries';
import { indicatorsQuery } from './queries';

const FREQUENCIES = ['month', 'quarter', 'year'] as const;
const DIRECTIONS = ['higher_is_worse', 'higher_is_better'] as const;

interface Form {
  code: string;
  names: Record<string, string>;
  unit: string;
  source: string;
  frequency: string;
  direction: string;
  description: string;
}

const empty: Form = {
  code: '',
  names: Object.fromEntries(LANGUAGES.map((l) => [l.code, ''])),
  unit: '',
  source: '',
  frequency: 'year',
  direction: 'higher_is_worse',
  description: '',
};

function formOf(i: IndicatorView): Form {
  const names = Object.fromEntries(LANGUAGES.map((l) => [l.code, i.names[l.code] ?? '']));
  return { ...i, names };
}

/** Adds an indicator to the catalogue or corrects one; the code and frequency stay once data refer to them. */
function IndicatorForm({ indicator, onDone }: { indicator?: IndicatorView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(() => (indicator ? formOf(indicator) : empty));
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const heading = indicator ? t('warning.indicators.editOne', { name: indicator.name }) : t('warning.indicators.add');
  const save = useMutation({
    mutationFn: () => {
      const names = Object.fromEntries(Object.entries(form.names).filter(([, name]) => name.trim() !== ''));
      const body = {
        names,
        unit: form.unit.trim(),
        source: form.source.trim(),
        direction: form.direction,
        description: form.description.trim(),
      };
      return indicator
        ? api.patch<IndicatorView>(`/warning/indicators/${indicator.code}`, body)
        : api.post<IndicatorView>('/warning/indicators', { ...body, code: form.code.trim(), frequency: form.frequency });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['warning'] });
      onDone();
    },
  });
  return (
    <form
      aria-label={heading}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3}>{heading}</Title>
        {indicator ? null : (
          <Group align="flex-start">
            <TextInput
              label={t('warning.indicators.code')}
              description={t('warning.indicators.codeHelp')}
              required
              value={form.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fieldError(save.error, '/code')}
            />
            <NativeSelect
              label={t('warning.indicators.frequency')}
              value={form.frequency}
              onChange={(e) => set({ frequency: e.currentTarget.value })}
              data={FREQUENCIES.map((f) => ({ value: f, label: t(`warning.indicators.frequencies.${f}`) }))}
            />
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {LANGUAGES.map((l) => (
            <TextInput
              key={l.code}
              label={t('warning.indicators.nameIn', { language: l.name })}
              required={l.code === 'en'}
              value={form.names[l.code] ?? ''}
              onChange={(e) => set({ names: { ...form.names, [l.code]: e.currentTarget.value } })}
              error={fieldError(save.error, `/names/${l.code}`)}
            />
          ))}
        </SimpleGrid>
        <Group align="flex-start" grow>
          <TextInput
            label={t('warning.indicators.unit')}
            required
            value={form.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
            error={fieldError(save.error, '/unit')}
          />
          <TextInput
            label={t('warning.indicators.source')}
            required
            value={form.source}
            onChange={(e) => set({ source: e.currentTarget.value })}
            error={fieldError(save.error, '/source')}
          />
          <NativeSelect
            label={t('warning.indicators.direction')}
            value={form.direction}
            onChange={(e) => set({ direction: e.currentTarget.value })}
            data={DIRECTIONS.map((d) => ({ value: d, label: t(`warning.indicators.directions.${d}`) }))}
          />
        </Group>
        <Textarea
          label={t('warning.indicators.description')}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={fieldError(save.error, '/description')}
        />
        <ProblemAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The catalogue of indicators: what each measures, in which unit, from which source; kept by analysts. */
export function IndicatorsPanel() {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const indicators = useQuery(indicatorsQuery(lang));
  const canEdit = useCan('warning.indicator.edit');
  const [editing, setEditing] = useState<string | null>(null);
  const open = (indicators.data ?? []).find((i) => i.code === editing);
  return (
    <Stack gap="sm">
      <Title order={2}>{t('warning.indicators.title')}</Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('warning.indicators.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warning.indicators.name')}</Table.Th>
              <Table.Th>{t('warning.indicators.unit')}</Table.Th>
              <Table.Th>{t('warning.indicators.frequency')}</Table.Th>
              <Table.Th>{t('warning.indicators.source')}</Table.Th>
              {canEdit ? <Table.Th>{t('warning.indicators.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(indicators.data ?? []).map((i) => (
              <Table.Tr key={i.code}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{i.unit}</Table.Td>
                <Table.Td>{t(`warning.indicators.frequencies.${i.frequency}`)}</Table.Td>
                <Table.Td>{i.source}</Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(i.code)}>
                      {t('warning.indicators.editOne', { name: i.name })}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProblemAlert error={indicators.error} />
      {open ? <IndicatorForm key={open.code} indicator={open} onDone={() => setEditing(null)} /> : null}
      {canEdit && editing === 'new' ? <IndicatorForm onDone={() => setEditing(null)} /> : null}
      {canEdit && editing === null ? (
        <Button variant="default" w="fit-content" onClick={() => setEditing('new')}>
          {t('warning.indicators.add')}
        </Button>
      ) : null}
    </Stack>
  );
}
