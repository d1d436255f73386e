/** Sharing the team's own work with peers: an incident as an anonymised STIX report. */
export * from './incident-report.js';
