export * from './peer.schema.js';
export * from './peers.store.js';
