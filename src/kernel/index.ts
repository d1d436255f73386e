export * from './errors.js';
export * from './clock.js';
export * from './ids.js';
export * from './config.js';
export * from './logger.js';
export * from './csv.js';
export * from './pdf.js';
export * from './repeating.js';
