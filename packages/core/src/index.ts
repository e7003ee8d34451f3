export * from './accounts';
export * from './calendar';
export * from './matcher';
export * from './time';
export * from './titles';
