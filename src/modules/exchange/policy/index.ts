/**
 * The sharing policy of the exchange module: whether information at a TLP may go to a
 * recipient (`mayDisclose`) and what of a STIX object a recipient may see (`redact`).
 *
 * @example
 *   const decision = mayDisclose(tlpOf(object, options), recipient, options);
 *   const shown = redact(object, recipient, options);
 */
export * from './disclose.js';
export * from './redact.js';
