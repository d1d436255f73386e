/**
 * Exchange between CIRTs (issue 8): STIX 2.1 objects and patterns, the TLP 2.0 policy, storage
 * of object versions and TAXII collections, peers and the sharing policy, the TAXII 2.1 server.
 */
export * from './stix/index.js';
export * from './policy/index.js';
export { checkPattern, parsePattern, printPattern } from './pattern/index.js';
export * from './peers/index.js';
export { exchangeDeps, type ExchangeDeps } from './deps.js';
export { defaultTlp, setDefaultTlp } from './settings.js';
export { ingest, type IngestResult } from './ingest.js';
export { importObjects, importBatch, type ImportOutcome } from './import-objects.js';
export {
  addObjects,
  createCollection,
  listCollections,
  listObjects,
  type Collection,
} from './store.js';
export { taxiiRoutes, apiRootPath, discoveryPath } from './taxii/routes.js';
export { taxiiMediaType } from './taxii/media.js';
export { accessTo, disclosable } from './taxii/caller.js';
export { exchangeRoutes, recipientOfUser } from './exchange.routes.js';
export { matchRoutes } from './match.routes.js';
export { shareRoutes } from './share.routes.js';
export { authoringRoutes } from './authoring.routes.js';
export { exchangeClientRoutes, subscriptionPoller } from './client.routes.js';
export { poll, push, type PollOutcome, type PushOutcome } from './client/index.js';
export { mispRoutes, collectionAsMispEvents } from './misp.routes.js';
export * from './misp/index.js';
export { federationRoutes } from './federation.routes.js';
export * from './federation/index.js';
