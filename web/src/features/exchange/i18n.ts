import { namespaceLoader } from '../../app/FeatureStrings';

export const exchangeNamespace = 'exchange';

export const loadExchangeStrings = namespaceLoader(
  exchangeNamespace,
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json'),
);
