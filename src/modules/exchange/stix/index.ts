/**
 * STIX 2.1 objects for the exchange module: zod schemas of every type it produces or accepts,
 * parsing with placed problems, deterministic SCO identifiers, and TLP 2.0 / PAP markings.
 *
 * @example
 *   const result = parseStixObject(json, { ids: 'received', checkPattern });
 *   const id = deterministicScoId({ type: 'ipv4-addr', value: '198.51.100.3' });
 *   const level = tlpOf(object, { defaultTlp: 'amber' });
 */
export * from './identifier.js';
export * from './timestamp.js';
export * from './vocab.js';
export {
  externalReferenceSchema,
  granularMarkingSchema,
  hashesSchema,
  killChainPhaseSchema,
  resolveSelector,
  selectorSteps,
} from './common.js';
export * from './sdo.js';
export * from './sro.js';
export * from './sco.js';
export * from './meta.js';
export * from './schemas.js';
export * from './parse.js';
export { canonicalJson, type Json } from './jcs.js';
export * from './sco-id.js';
export * from './marking-ids.js';
export * from './markings.js';
export { bundleObjects, maxObjectBytes } from './bundle-stream.js';
