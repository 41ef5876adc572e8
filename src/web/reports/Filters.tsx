import { Anchor, Checkbox, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, filterString, KEY_AREAS, PROJECT_STATUSES, RECOMMENDATION_SOURCES, type TrackerFilters } from './queries';

/** The tracker's and the dashboard's filters, and the exports with the same filters. */
export function Filters({ value, onChange }: { value: TrackerFilters; onChange: (filters: TrackerFilters) => void }) {
  const { t } = useTranslation();
  const all = { value: '', label: t('common.all') };
  return (
    <Group align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('reports.fields.status')}
        value={value.status ?? ''}
        data={[all, ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))]}
        onChange={(e) => onChange({ ...value, status: e.currentTarget.value || undefined })}
      />
      <NativeSelect
        label={t('reports.source.label')}
        value={value.source ?? ''}
        data={[all, ...RECOMMENDATION_SOURCES.map((s) => ({ value: s, label: t(`reports.source.${s}`) }))]}
        onChange={(e) => onChange({ ...value, source: e.currentTarget.value || undefined })}
      />
      <NativeSelect
        label={t('reports.fields.keyArea')}
        value={value.keyArea ?? ''}
        data={[all, ...KEY_AREAS.map((k) => ({ value: k, label: t(`reports.keyArea.${k}`) }))]}
        onChange={(e) => onChange({ ...value, keyArea: e.currentTarget.value || undefined })}
      />
      <NativeSelect
        label={t('reports.fields.dimension')}
        value={value.dimension ?? ''}
        data={[all, ...DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dimension.${d}`) }))]}
        onChange={(e) => onChange({ ...value, dimension: e.currentTarget.value || undefined })}
      />
      <Checkbox
        label={t('reports.tracker.lateOnly')}
        checked={value.lateOnly ?? false}
        onChange={(e) => onChange({ ...value, lateOnly: e.currentTarget.checked })}
      />
      <Anchor href={`/api/recommendations/export.csv${filterString(value)}`} download>
        {t('reports.tracker.csv')}
      </Anchor>
      <Anchor href={`/api/recommendations/export.xlsx${filterString(value)}`} download>
        {t('reports.tracker.xlsx')}
      </Anchor>
    </Group>
  );
}
