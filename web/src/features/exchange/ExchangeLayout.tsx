import { FeatureStrings } from '../../app/FeatureStrings';
import { loadExchangeStrings } from './i18n';

/** Loads the exchange strings (namespace `exchange`) before its pages render. */
export default function ExchangeLayout() {
  return <FeatureStrings load={loadExchangeStrings} />;
}
