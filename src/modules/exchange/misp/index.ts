export * from './schema.js';
export * from './tlp.js';
export { mispToStix, observedOf, type MispToStix, type Skipped } from './to-stix.js';
export { stixToMisp, attributeOfPattern } from './from-stix.js';
export { buildMispFeed, manifestSchema, type MispFeed } from './feed.js';
export { consumeMispFeed, type FeedOutcome, type FeedSource } from './consume.js';
