/** The code version recorded with every model (lineage) and reported by /api/health. */
export const VERSION = '0.1.0';
