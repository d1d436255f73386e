export * from './profile.js';
export { receivedProfiles } from './received.js';
export * from './signing.js';
