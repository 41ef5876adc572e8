import { ActionIcon, Button, Group, NativeSelect, NumberInput, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyDefinition } from './queries';

type Criterion = KeyDefinition['criteria'][number];

interface Props {
  definition: KeyDefinition;
  onChange: (definition: KeyDefinition) => void;
}

const round = (value: number) => Number(value.toFixed(6));

/** Weights, directions and caps of a key's criteria; a criterion can be added with its values to fill in. */
export function CriteriaEditor({ definition, onChange }: Props) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const sum = round(definition.criteria.reduce((acc, c) => acc + (Number.isFinite(c.weight) ? c.weight : 0), 0));

  const update = (index: number, change: Partial<Criterion>) =>
    onChange({ ...definition, criteria: definition.criteria.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  const remove = (index: number) => {
    const code = definition.criteria[index]?.code;
    onChange({
      ...definition,
      criteria: definition.criteria.filter((_, i) => i !== index),
      states: definition.states.map((s) => ({
        ...s,
        values: Object.fromEntries(Object.entries(s.values).filter(([k]) => k !== code)),
      })),
    });
  };

  const add = () => {
    const code =
      label
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .replace(/^(\d)/, 'c_$1')
        .slice(0, 40) || `criterion_${definition.criteria.length + 1}`;
    if (definition.criteria.some((c) => c.code === code)) return;
    onChange({
      ...definition,
      criteria: [...definition.criteria, { code, label: label.trim() || code, weight: 0, direction: 'proportional', cap: null }],
      states: definition.states.map((s) => ({ ...s, values: { ...s.values, [code]: null } })),
    });
    setLabel('');
  };

  const rescale = () =>
    onChange({
      ...definition,
      criteria: definition.criteria.map((c) => ({ ...c, weight: sum > 0 ? round(c.weight / sum) : c.weight })),
    });

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} fz="sm" aria-label={t('solidarity.key.criteriaTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('solidarity.key.criterion')}</Table.Th>
              <Table.Th scope="col">{t('solidarity.key.weight')}</Table.Th>
              <Table.Th scope="col">{t('solidarity.key.direction')}</Table.Th>
              <Table.Th scope="col">{t('solidarity.key.cap')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('solidarity.key.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {definition.criteria.map((criterion, index) => (
              <Table.Tr key={criterion.code}>
                <Table.Th scope="row" fw={500}>
                  {criterion.label}
                </Table.Th>
                <Table.Td>
                  <NumberInput
                    aria-label={t('solidarity.key.weightOf', { criterion: criterion.label })}
                    value={criterion.weight}
                    min={0}
                    max={1}
                    step={0.05}
                    decimalScale={4}
                    w={110}
                    onChange={(value) => update(index, { weight: typeof value === 'number' ? value : Number.NaN })}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('solidarity.key.directionOf', { criterion: criterion.label })}
                    value={criterion.direction}
                    onChange={(event) => update(index, { direction: event.currentTarget.value as Criterion['direction'] })}
                    data={[
                      { value: 'proportional', label: t('solidarity.key.proportional') },
                      { value: 'inverse', label: t('solidarity.key.inverse') },
                    ]}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('solidarity.key.capOf', { criterion: criterion.label })}
                    placeholder={t('solidarity.key.noCap')}
                    value={criterion.cap ?? ''}
                    min={0}
                    max={10}
                    step={0.1}
                    decimalScale={3}
                    w={110}
                    onChange={(value) => update(index, { cap: typeof value === 'number' ? value : null })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('solidarity.key.removeCriterion', { criterion: criterion.label })}
                    onClick={() => remove(index)}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="center">
          <Text size="sm" role="status" c={Math.abs(sum - 1) > 1e-6 ? 'red.8' : undefined}>
            {t('solidarity.key.weightSum', { sum })}
          </Text>
          {Math.abs(sum - 1) > 1e-6 && sum > 0 ? (
            <Button size="xs" variant="light" onClick={rescale}>
              {t('solidarity.key.rescale')}
            </Button>
          ) : null}
        </Group>
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            label={t('solidarity.key.newCriterion')}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
          />
          <Button size="xs" variant="default" onClick={add} disabled={!label.trim() || definition.criteria.length >= 12}>
            {t('solidarity.key.addCriterion')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
