export * from './common';
export * from './roles';
export * from './auth';
export * from './workspaces';
export * from './accounts';
export * from './content';
export * from './publishing';
export * from './notifications';
