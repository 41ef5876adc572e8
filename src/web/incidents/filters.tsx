import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { QueueQuery } from '../../server/incidents/review/schemas.js';
import { countriesQuery, useApiLanguage } from '../reference/queries';
import { INCIDENT_TYPES } from './queries';

type IncidentType = NonNullable<QueueQuery['incidentType']>;

/** The country filter of the queue and the statistics: the participating States, by name. */
export function StateFilter({ value, onChange }: { value: string | undefined; onChange: (iso2: string | undefined) => void }) {
  const { t } = useTranslation();
  const countries = useQuery(countriesQuery(useApiLanguage()));
  return (
    <Select
      label={t('incidents.fields.country')}
      clearable
      searchable
      data={(countries.data ?? []).filter((c) => c.osceStatus === 'participating').map((c) => ({ value: c.iso2, label: c.name }))}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
    />
  );
}

/** The incident-type filter of the queue and the statistics, ODIHR's types in the reader's language. */
export function IncidentTypeFilter({
  value,
  onChange,
}: {
  value: IncidentType | undefined;
  onChange: (type: IncidentType | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('incidents.fields.incidentType')}
      clearable
      data={Object.values(INCIDENT_TYPES)
        .flat()
        .map((c) => ({ value: c, label: t(`incidents.type.${c}`) }))}
      value={value ?? null}
      onChange={(v) => onChange((v ?? undefined) as IncidentType | undefined)}
    />
  );
}
