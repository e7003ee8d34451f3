/**
 * Analytics (SPEC §3, §5): the metric vocabulary, parsing of platform export files, and the pure
 * insight logic (aggregation, forecasts, SMART check, anomalies, best time, report findings).
 */
export * from './metrics';
export * from './import';
export * from './insights';
