import { FeatureStrings } from '../../app/FeatureStrings';
import { loadLawStrings } from './i18n';

/** Loads the law strings (namespace `law`) before its pages render. */
export default function LawLayout() {
  return <FeatureStrings load={loadLawStrings} />;
}
