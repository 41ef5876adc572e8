import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AuditFilterForm, RECORD_TYPES, rangeIsValid, VERB_GROUPS } from './filters';

interface Props {
  value: AuditFilterForm;
  onChange: (value: AuditFilterForm) => void;
}

export function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilterForm>) => onChange({ ...value, ...patch });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} style={{ alignItems: 'end' }} role="search" aria-label={t('audit.filters')}>
      <NativeSelect label={t('audit.verb')} value={value.verb} onChange={(event) => set({ verb: event.currentTarget.value })}>
        <option value="">{t('common.all')}</option>
        {VERB_GROUPS.map((group) => (
          <optgroup key={group.prefix} label={t(`audit.group.${group.prefix.slice(0, -1)}`)}>
            <option value={group.prefix}>
              {t('audit.wholeGroup', { group: t(`audit.group.${group.prefix.slice(0, -1)}`) })}
            </option>
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
        {RECORD_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`audit.recordTypes.${type}`)}
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
