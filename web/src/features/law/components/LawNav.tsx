import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../law.css';

/** The law pages, one link each; the current one is marked for screen readers too. */
export function LawNav() {
  const { t } = useTranslation('law');
  const links: ReadonlyArray<[string, string, boolean]> = [
    ['/law', 'common.nav.catalogue', true],
    ['/law/countries', 'common.nav.countries', false],
    ['/law/matrix', 'common.nav.matrix', false],
  ];
  return (
    <nav className="law-nav" aria-label={t('common.nav.label')}>
      <ul>
        {links.map(([to, key, end]) => (
          <li key={to}>
            <NavLink to={to} end={end} className="law-nav__link">
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
