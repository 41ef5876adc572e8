import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, darken, Modal } from '@mantine/core';

// Darker shades than Mantine's defaults so that text on filled buttons and links meets WCAG AA.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  // Filled badges and buttons take dark text on the bright shades (green, yellow, orange, teal) and
  // light text on the dark ones: 0.18 is the luminance where both reach 4.5:1.
  autoContrast: true,
  luminanceThreshold: 0.18,
  defaultRadius: 'sm',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    Modal: Modal.extend({
      styles: { title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 650 } },
    }),
  },
});

/**
 * Text on the light variant (alerts, badges, the current navigation link) in a darker shade than
 * the palette's darkest: Mantine's own falls below 4.5:1 on the light backgrounds of orange, yellow
 * and blue.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: Object.fromEntries(
    Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
  ),
  dark: {},
});
