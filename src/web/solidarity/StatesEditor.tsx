import { ActionIcon, Button, Group, NumberInput, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
    </>
  );
}
