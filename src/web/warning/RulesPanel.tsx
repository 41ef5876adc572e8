import { Button, Group, NativeSelect, NumberInput, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { useCan } from '../app/session';
import { currentLanguage } from '../i18n';
import { CountryPicker, useCountryNames } from '../reference/pickers';
import { useRuleName } from './explain';
import { indicatorsQuery, type RuleView, rulesQuery } from './queries';

const KINDS = ['threshold', 'change_previous', 'change_year', 'zscore'] as const;

/** A rule's minimum base, changed in place: Enter (or leaving the field) saves it; empty removes it. */
function MinimumBaseCell({ rule, name }: { rule: RuleView; name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState<number | string>(rule.minimumBase ?? '');
  const save = useMutation({
    mutationFn: (minimumBase: number | null) => api.patch<RuleView>(`/warning/rules/${rule.id}`, { minimumBase }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
  const errorOf = useFieldErrors(save.error);
  if (!rule.actions.includes('edit')) return <>{rule.minimumBase ?? '–'}</>;
  const commit = () => {
    const next = value === '' ? null : Number(value);
    if (next !== rule.minimumBase) save.mutate(next);
  };
  return (
    <NumberInput
      size="xs"
      w={130}
      min={0}
      aria-label={t('warning.rules.minimumBaseOf', { rule: name })}
      title={t('warning.rules.minimumBaseHint')}
      placeholder="–"
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      disabled={save.isPending}
      error={errorOf('/minimumBase')}
      rightSection={save.isSuccess && !save.isPending ? <span role="status">✓</span> : undefined}
    />
  );
}

/** The rules, with a form to add one; a new rule is evaluated at once on every stored value. */
export function RulesPanel() {
  const { t } = useTranslation();
  const countries = useCountryNames();
  const ruleName = useRuleName();
  const client = useQueryClient();
  const canEdit = useCan('warning.rule.edit');
  const rules = useQuery(rulesQuery());
  const indicators = useQuery(indicatorsQuery(currentLanguage()));
  const [form, setForm] = useState({
    indicator: 'sea_arrivals',
    country: '',
    kind: 'threshold' as (typeof KINDS)[number],
    threshold: 100000,
    windowPeriods: 12,
    minimumBase: '' as number | string,
    level: 'orange',
    name: '',
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<RuleView>('/warning/rules', {
        indicator: form.indicator,
        country: form.country || null,
        kind: form.kind,
        threshold: form.threshold,
        windowPeriods: form.kind === 'zscore' ? form.windowPeriods : null,
        minimumBase: form.minimumBase === '' ? null : Number(form.minimumBase),
        level: form.level,
        name: form.name,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
  const toggle = useMutation({
    mutationFn: (rule: RuleView) => api.patch<RuleView>(`/warning/rules/${rule.id}`, { active: !rule.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('warning.rules.title')}</Title>
      <Table striped aria-label={t('warning.rules.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warning.rules.name')}</Table.Th>
            <Table.Th>{t('warning.rules.indicator')}</Table.Th>
            <Table.Th>{t('warning.country')}</Table.Th>
            <Table.Th>{t('warning.rules.kind')}</Table.Th>
            <Table.Th>{t('warning.rules.threshold')}</Table.Th>
            <Table.Th>{t('warning.rules.minimumBase')}</Table.Th>
            <Table.Th>{t('warning.level.label')}</Table.Th>
            <Table.Th>{t('warning.rules.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rules.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{ruleName(r)}</Table.Td>
              <Table.Td>{(indicators.data ?? []).find((i) => i.code === r.indicator)?.name ?? r.indicator}</Table.Td>
              <Table.Td>{r.country ? countries.name(r.country) : t('warning.rules.all')}</Table.Td>
              <Table.Td>
                {t(`warning.kind.${r.kind}`)}
                {r.windowPeriods ? ` (${r.windowPeriods})` : ''}
              </Table.Td>
              <Table.Td>{r.threshold}</Table.Td>
              <Table.Td>
                <MinimumBaseCell rule={r} name={ruleName(r)} />
              </Table.Td>
              <Table.Td>{t(`warning.level.${r.level}`)}</Table.Td>
              <Table.Td>
                <Switch
                  checked={r.active}
                  disabled={!r.actions.includes('edit')}
                  onChange={() => toggle.mutate(r)}
                  aria-label={t('warning.rules.active')}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit ? (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('warning.rules.add')}
          </Title>
          <Group align="flex-end">
            <NativeSelect
              label={t('warning.rules.indicator')}
              value={form.indicator}
              onChange={(e) => setForm({ ...form, indicator: e.currentTarget.value })}
              data={(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            />
            <CountryPicker
              label={t('warning.rules.country')}
              placeholder={t('warning.rules.all')}
              value={form.country || null}
              w={220}
              onChange={(country) => setForm({ ...form, country: country ?? '' })}
            />
            <NativeSelect
              label={t('warning.rules.kind')}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as (typeof KINDS)[number] })}
              data={KINDS.map((k) => ({ value: k, label: t(`warning.kind.${k}`) }))}
            />
            <NumberInput
              label={t('warning.rules.threshold')}
              value={form.threshold}
              onChange={(v) => setForm({ ...form, threshold: Number(v) })}
              w={140}
            />
            <NumberInput
              label={t('warning.rules.minimumBase')}
              value={form.minimumBase}
              min={0}
              onChange={(v) => setForm({ ...form, minimumBase: v })}
              w={200}
            />
            {form.kind === 'zscore' ? (
              <NumberInput
                label={t('warning.rules.window')}
                value={form.windowPeriods}
                min={3}
                max={120}
                onChange={(v) => setForm({ ...form, windowPeriods: Number(v) })}
                w={120}
              />
            ) : null}
            <NativeSelect
              label={t('warning.level.label')}
              value={form.level}
              onChange={(e) => setForm({ ...form, level: e.currentTarget.value })}
              data={['yellow', 'orange', 'red'].map((l) => ({ value: l, label: t(`warning.level.${l}`) }))}
            />
            <TextInput
              label={t('warning.rules.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
            <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!form.name.trim()}>
              {t('warning.rules.create')}
            </Button>
          </Group>
          {create.error ? <ProblemAlert error={create.error} /> : null}
          {toggle.error ? <ProblemAlert error={toggle.error} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
