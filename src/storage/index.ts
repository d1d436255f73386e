export * from './db.js';
export * from './migrate.js';
export type * from './schema.js';
export * from './bulk.js';
