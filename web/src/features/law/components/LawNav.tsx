import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import '../law.css';

/**
 * The law pages, one link each; the current one is marked for screen readers too. A provision's
 * page belongs to the catalogue, a country's report to the countries.
 */
export function LawNav() {
  const { t } = useTranslation('law');
  const { pathname } = useLocation();
  const links: ReadonlyArray<[string, string, boolean]> = [
    ['/law', 'common.nav.catalogue', pathname === '/law' || pathname.startsWith('/law/provisions')],
    ['/law/countries', 'common.nav.countries', pathname.startsWith('/law/countries')],
    ['/law/matrix', 'common.nav.matrix', pathname.startsWith('/law/matrix')],
  ];
  return (
    <nav className="sub-nav" aria-label={t('common.nav.label')}>
      <ul>
        {links.map(([to, key, current]) => (
          <li key={to}>
            <Link to={to} className="sub-nav__link" aria-current={current ? 'page' : undefined}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
