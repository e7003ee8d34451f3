/** Parsing platform export files (CSV/XLSX tables) into metric rows: cells, presets, detection. */
export * from './values';
export * from './presets';
export * from './detect';
export * from './normalize';
