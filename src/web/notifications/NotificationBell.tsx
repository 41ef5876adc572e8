import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../app/icons';
import { unreadCountQuery } from './queries';

const BellIcon = () => (
  <Icon>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
    <path d="M10 20.5a2 2 0 0 0 4 0" />
  </Icon>
);

/** The bell in the header: the number of unread notifications, and the way to them. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery(unreadCountQuery).data?.unread ?? 0;
  const label = t('notifications.bell.label', { count: unread });
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        data-unread={unread}
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
