/**
 * Pure analytics insights (SPEC §3, §5): aggregation and derived rates, goal forecasts, the SMART
 * check, anomaly detection, best posting times and report findings.
 */
export * from './aggregate';
export * from './anomaly';
export * from './best-time';
export * from './findings';
export * from './forecast';
export * from './format';
export * from './labels';
export * from './smart';
export { normalCdf } from './stats';
