/**
 * Threat intelligence meets the team's own data: the values indicators and observables name,
 * matched against incident observables and feed events, and against the constituents'
 * ownership index.
 */
export * from './terms.js';
export * from './intel-index.js';
