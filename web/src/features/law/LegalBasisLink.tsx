import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useLawStrings } from './i18n';
import './law.css';

/**
 * From the toolkit's "mandate and legal basis" readiness area and the SIM3 parameters O-1 and
 * O-3 to the law catalogue's legal-basis provisions: a link only, the data stays in the law.
 */
export function LegalBasisLink({ context }: { context: 'readiness' | 'sim3' }) {
  const { can } = useAuth();
  const ready = useLawStrings();
  const { t } = useTranslation('law');
  if (!can('law.read') || !ready) return null;
  return (
    <p className={`law-basis-link law-basis-link--${context}`} data-testid="legal-basis-link">
      <Link to="/law?legalBasis=1">{t('panels.legalBasis.link')}</Link>{' '}
      <span className="law-basis-link__hint">{t(`panels.legalBasis.${context}`)}</span>
    </p>
  );
}
