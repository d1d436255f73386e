import { namespaceLoader } from '../../app/FeatureStrings';

export const incidentsNamespace = 'incidents';

export const loadIncidentsStrings = namespaceLoader(
  incidentsNamespace,
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json'),
);
