export * from './accounts';
export * from './calendar';
export * from './compliance';
export * from './matcher';
export * from './time';
export * from './titles';
export * from './analytics';
