// Chart colours follow the Mantine theme (primaryColor 'teal'), so charts and controls read as one app.
export const BAR_COLOR = '#0ca678'; // teal.7
export const MATRIX_SCHEME = 'teals';
export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
