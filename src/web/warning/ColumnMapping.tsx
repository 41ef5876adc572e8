import { Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Mapping {
  country: string;
  period: string;
  value: string;
  indicator?: string;
}

const FIELDS = ['country', 'period', 'value', 'indicator'] as const;

/** The labels of a CSV file's first row (quoted or not); an XLSX file's are typed in instead. */
async function headerOf(file: File): Promise<string[]> {
  if (!file.name.toLowerCase().endsWith('.csv')) return [];
  const first = (await file.slice(0, 64 * 1024).text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return [...first.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
    .map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"').trim())
    .filter(Boolean);
}

/** Lets the analyst say which columns hold the country, period, value and (optionally) indicator. */
export function ColumnMapping({ file, onChange }: { file: File | null; onChange: (mapping: Mapping | undefined) => void }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(false);
  const [labels, setLabels] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({ country: '', period: '', value: '' });

  useEffect(() => {
    if (file) headerOf(file).then(setLabels, () => setLabels([]));
    else setLabels([]);
  }, [file]);

  useEffect(() => {
    const complete = mapping.country && mapping.period && mapping.value;
    onChange(enabled && complete ? { ...mapping, ...(mapping.indicator ? {} : { indicator: undefined }) } : undefined);
  }, [enabled, mapping, onChange]);

  return (
    <div>
      <Checkbox label={t('warning.import.mapping')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
      {enabled ? (
        <Group mt="xs">
          {FIELDS.map((field) =>
            labels.length > 0 ? (
              <NativeSelect
                key={field}
                label={t(`warning.import.column.${field}`)}
                value={mapping[field] ?? ''}
                onChange={(e) => setMapping({ ...mapping, [field]: e.currentTarget.value })}
                data={[{ value: '', label: '—' }, ...labels.map((l) => ({ value: l, label: l }))]}
              />
            ) : (
              <TextInput
                key={field}
                label={t(`warning.import.column.${field}`)}
                value={mapping[field] ?? ''}
                onChange={(e) => setMapping({ ...mapping, [field]: e.currentTarget.value })}
              />
            ),
          )}
        </Group>
      ) : null}
    </div>
  );
}
