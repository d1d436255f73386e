import { FeatureStrings } from '../../app/FeatureStrings';
import { loadConstituentsStrings } from './i18n';

/** Loads the constituents strings (namespace `constituents`) before its pages render. */
export default function ConstituentsLayout() {
  return <FeatureStrings load={loadConstituentsStrings} />;
}
