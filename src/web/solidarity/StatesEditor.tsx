import { ActionIcon, Button, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowGroupView } from '../../server/warning/flows/schemas';
import { api, queryString } from '../app/api';
import { CountryPicker } from '../reference/pickers';
import { type KeyDefinition, useCountryNames } from './queries';

interface Props {
  definition: KeyDefinition;
  onChange: (definition: KeyDefinition) => void;
}

/** The group of States and their value for each criterion; a State added starts with empty values. */
export function StatesEditor({ definition, onChange }: Props) {
  const { t } = useTranslation();
  const { name, countries } = useCountryNames();
  const [adding, setAdding] = useState('');
  const inGroup = new Set(definition.states.map((s) => s.iso2));
  const candidates = countries.filter((c) => c.osceStatus === 'participating' && !inGroup.has(c.iso2));

  const setValue = (iso2: string, code: string, value: number | null) =>
    onChange({
      ...definition,
      states: definition.states.map((s) => (s.iso2 === iso2 ? { ...s, values: { ...s.values, [code]: value } } : s)),
    });

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={2} fz="sm" aria-label={t('solidarity.key.dataTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('solidarity.state')}</Table.Th>
              {definition.criteria.map((c) => (
                <Table.Th scope="col" key={c.code}>
                  {c.label}
                </Table.Th>
              ))}
              <Table.Th scope="col" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {definition.states.map((state) => (
              <Table.Tr key={state.iso2}>
                <Table.Th scope="row" fw={500}>
                  {name(state.iso2)}
                </Table.Th>
                {definition.criteria.map((c) => (
                  <Table.Td key={c.code}>
                    <NumberInput
                      size="xs"
                      aria-label={t('solidarity.key.valueOf', { criterion: c.label, state: name(state.iso2) })}
                      value={state.values[c.code] ?? ''}
                      onChange={(value) => setValue(state.iso2, c.code, typeof value === 'number' ? value : null)}
                      thousandSeparator=" "
                      w={140}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('solidarity.key.removeState', { state: name(state.iso2) })}
                    onClick={() => onChange({ ...definition, states: definition.states.filter((s) => s.iso2 !== state.iso2) })}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs" align="flex-end">
        <CountryPicker
          size="xs"
          label={t('solidarity.key.addState')}
          placeholder={t('form.choose')}
          only={candidates.map((c) => c.iso2)}
          value={adding || null}
          onChange={(code) => setAdding(code ?? '')}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!adding}
          onClick={() => {
            const values = Object.fromEntries(definition.criteria.map((c) => [c.code, null]));
            onChange({ ...definition, states: [...definition.states, { iso2: adding, values }] });
            setAdding('');
          }}
        >
          {t('solidarity.key.add')}
        </Button>
      </Group>
      <FlowGroupAdder
        candidates={candidates.map((c) => c.iso2)}
        onAdd={(codes) => {
          const values = Object.fromEntries(definition.criteria.map((c) => [c.code, null]));
          onChange({ ...definition, states: [...definition.states, ...codes.map((iso2) => ({ iso2, values }))] });
        }}
      />
    </>
  );
}

const ROLES = ['origin', 'transit', 'destination'] as const;

/**
 * Adds at once the participating States that were countries of origin, transit or destination in a
 * year, as the imported UNHCR figures make them, and says how many that was.
 */
function FlowGroupAdder({ candidates, onAdd }: { candidates: string[]; onAdd: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const years = useQuery({
    queryKey: ['warning', 'flow-groups', 'origin', 'latest'],
    queryFn: () => api.get<FlowGroupView>('/warning/flow-groups?role=origin'),
  });
  const group = useQuery({
    queryKey: ['warning', 'flow-groups', role, year],
    queryFn: () => api.get<FlowGroupView>(`/warning/flow-groups${queryString({ role, year })}`),
    enabled: Boolean(role && year),
  });
  if (years.data && years.data.years.length === 0) return null;
  const available = new Set(candidates);
  const toAdd = (group.data?.countries ?? []).filter((iso2) => available.has(iso2));
  return (
    <Group gap="xs" align="flex-end" mt="xs">
      <Select
        size="xs"
        label={t('solidarity.key.flowGroup')}
        placeholder={t('form.choose')}
        data={ROLES.map((r) => ({ value: r, label: t(`solidarity.key.flowRole.${r}`) }))}
        value={role}
        onChange={(v) => {
          setRole(v);
          setAdded(null);
        }}
      />
      <Select
        size="xs"
        label={t('solidarity.key.flowYear')}
        placeholder={t('form.choose')}
        data={(years.data?.years ?? []).map(String)}
        value={year}
        onChange={(v) => {
          setYear(v);
          setAdded(null);
        }}
        w={120}
      />
      <Button
        size="xs"
        variant="default"
        disabled={!group.data || toAdd.length === 0}
        onClick={() => {
          onAdd(toAdd);
          setAdded(toAdd.length);
        }}
      >
        {t('solidarity.key.addGroup', { count: toAdd.length })}
      </Button>
      {added !== null ? (
        <Text size="sm" role="status">
          {t('solidarity.key.groupAdded', { count: added })}
        </Text>
      ) : null}
    </Group>
  );
}
