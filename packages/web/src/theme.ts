import { createTheme } from '@mantine/core';

// Mantine defaults with one calm accent; charts use the same teal (see charts/colors.ts).
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
});
