export * from './accounts';
export * from './matcher';
export * from './time';
