import { FeatureStrings } from '../../app/FeatureStrings';
import { loadIncidentsStrings } from './i18n';

/** Loads the incidents strings (namespace `incidents`) before its pages render. */
export default function IncidentsLayout() {
  return <FeatureStrings load={loadIncidentsStrings} />;
}
