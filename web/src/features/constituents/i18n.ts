import { namespaceLoader } from '../../app/FeatureStrings';

export const constituentsNamespace = 'constituents';

export const loadConstituentsStrings = namespaceLoader(
  constituentsNamespace,
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json'),
);
