import { createTheme, Modal } from '@mantine/core';

// Darker shades than Mantine's defaults so that text on filled buttons and links meets WCAG AA.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'sm',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    Modal: Modal.extend({
      styles: { title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 650 } },
    }),
  },
});
