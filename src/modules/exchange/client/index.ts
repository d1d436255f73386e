export * from './http.js';
export * from './subscriptions.js';
