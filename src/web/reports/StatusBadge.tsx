import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOURS, STATUS_COLOURS } from './queries';

// Badges keep their whole word in narrow table cells instead of cutting it short.
const WHOLE = { minWidth: 'max-content' } as const;

/** Text that keeps a 4.5:1 contrast on the filled colour: light on the dark ones, dark on the bright ones. */
const textOn = (colour: string | undefined) =>
  colour && ['blue', 'gray', 'dark', 'indigo', 'violet'].includes(colour) ? 'white' : 'black';

/** The state of a report, recommendation or project as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} c={textOn(STATUS_COLOURS[status])} style={WHOLE}>
      {t(`reports.status.${status}`)}
    </Badge>
  );
}

/** An early-warning alert level as a coloured badge. */
export function LevelBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLOURS[level]} c={textOn(LEVEL_COLOURS[level])} style={WHOLE}>
      {t(`reports.level.${level}`)}
    </Badge>
  );
}
