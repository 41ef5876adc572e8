import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import type { AuditCatalogueView } from '../app/types';
import { type AuditFilterForm, rangeIsValid, verbGroupsOf } from './filters';

interface Props {
  value: AuditFilterForm;
  onChange: (value: AuditFilterForm) => void;
}

export function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilterForm>) => onChange({ ...value, ...patch });
  // The options come from the server's catalogue, which every domain fills: they cannot go stale.
  const catalogue = useQuery({
    queryKey: ['audit', 'catalogue'],
    queryFn: () => api.get<AuditCatalogueView>('/audit/catalogue'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const groups = catalogue.data ? verbGroupsOf(catalogue.data) : [];
  const recordTypes = catalogue.data?.recordTypes ?? [];
  const groupLabel = (prefix: string) => t(`audit.group.${prefix.slice(0, -1)}`, { defaultValue: prefix.slice(0, -1) });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'end' }} role="search" aria-label={t('audit.filters')}>
      <NativeSelect label={t('audit.verb')} value={value.verb} onChange={(event) => set({ verb: event.currentTarget.value })}>
        <option value="">{t('common.all')}</option>
        {groups.map((group) => (
          <optgroup key={group.prefix} label={groupLabel(group.prefix)}>
            <option value={group.prefix}>{t('audit.wholeGroup', { group: groupLabel(group.prefix) })}</option>
            {group.verbs.map((verb) => (
              <option key={verb} value={verb}>
                {t(`audit.verbs.${verb}`, { defaultValue: verb })}
              </option>
            ))}
          </optgroup>
        ))}
      </NativeSelect>
      <NativeSelect
        label={t('audit.recordType')}
        value={value.recordType}
        onChange={(event) => set({ recordType: event.currentTarget.value })}
      >
        <option value="">{t('common.all')}</option>
        {recordTypes.map((type) => (
          <option key={type} value={type}>
            {t(`audit.recordTypes.${type}`, { defaultValue: type })}
          </option>
        ))}
      </NativeSelect>
      <TextInput
        label={t('audit.from')}
        type="date"
        value={value.from}
        max={value.to || undefined}
        onChange={(event) => set({ from: event.currentTarget.value })}
      />
      <TextInput
        label={t('audit.to')}
        type="date"
        value={value.to}
        min={value.from || undefined}
        onChange={(event) => set({ to: event.currentTarget.value })}
        error={rangeIsValid(value) ? undefined : t('audit.badRange')}
      />
    </SimpleGrid>
  );
}
