import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactView } from './queries';

/** A contact as a person wants it when about to call: name, function, organisation, how to reach them. */
export function ContactCard({ contact, children, heading = 3 }: { contact: ContactView; children?: ReactNode; heading?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = heading === 2 ? 'h2' : 'h3';
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={contact.name}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Heading style={{ margin: 0, fontSize: '1.1rem' }}>
              <Anchor component={Link} to={`/directory/contacts/${contact.id}`}>
                {contact.name}
              </Anchor>
            </Heading>
            {contact.title ? <Text size="sm">{contact.title}</Text> : null}
            <Anchor component={Link} to={`/directory/organisations/${contact.organisation.id}`} size="sm">
              {contact.organisation.acronym
                ? `${contact.organisation.acronym} – ${contact.organisation.name}`
                : contact.organisation.name}
            </Anchor>
          </div>
          {contact.stale ? (
            <Badge color="orange" variant="light">
              {t('directory.contact.stale')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="md">
          {contact.emails.map((email) => (
            <Anchor key={email} href={`mailto:${email}`} size="sm">
              {email}
            </Anchor>
          ))}
          {contact.phones.map((phone) => (
            <Anchor key={phone} href={`tel:${phone.replace(/[^+0-9]/g, '')}`} size="sm">
              {phone}
            </Anchor>
          ))}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
