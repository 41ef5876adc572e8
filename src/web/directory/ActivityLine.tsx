import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ActivityView } from './queries';
import { useCountries } from './queries';

const STATUS_COLOURS = { planned: 'gray', ongoing: 'green', completed: 'blue' } as const;

/** An activity in a list: what, who, where, when, for whom. */
export function ActivityLine({ activity, showOrganisation = true }: { activity: ActivityView; showOrganisation?: boolean }) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-label={activity.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{activity.title}</Text>
          {showOrganisation ? (
            <Anchor component={Link} to={`/directory/organisations/${activity.organisation.id}`} size="sm">
              {activity.organisation.acronym ?? activity.organisation.name}
            </Anchor>
          ) : null}
          <Text size="sm" c="dimmed">
            {[
              activity.countries.map(countries.name).join(', '),
              activity.place,
              activity.startDate ? `${activity.startDate} – ${activity.endDate ?? '…'}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {activity.keyAreas.length + activity.targetGroups.length > 0 ? (
            <Text size="sm">
              {[
                ...activity.keyAreas.map((k) => t(`directory.keyArea.${k}`, { defaultValue: k })),
                ...activity.targetGroups.map((g) => t(`directory.target.${g}`)),
              ].join(' · ')}
            </Text>
          ) : null}
          {activity.contact ? (
            <Text size="sm">
              {t('directory.activity.contact')}:{' '}
              <Anchor component={Link} to={`/directory/contacts/${activity.contact.id}`}>
                {activity.contact.name}
              </Anchor>
            </Text>
          ) : null}
        </div>
        <Group gap={4} wrap="nowrap">
          <Badge color={STATUS_COLOURS[activity.status]} variant="light">
            {t(`directory.status.${activity.status}`)}
          </Badge>
          {activity.actions.includes('edit') ? (
            <Anchor component={Link} to={`/directory/activities/${activity.id}/edit`} size="sm">
              {t('directory.edit')}
            </Anchor>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}
