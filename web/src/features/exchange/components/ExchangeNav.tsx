import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The exchange module's own navigation: objects and peers. */
export function ExchangeNav() {
  const { t } = useTranslation('exchange');
  const links: ReadonlyArray<[string, string, boolean]> = [
    ['/exchange', 'common.nav.objects', true],
    ['/exchange/peers', 'common.nav.peers', false],
  ];
  return (
    <nav className="sub-nav" aria-label={t('common.nav.label')}>
      <ul>
        {links.map(([to, key, end]) => (
          <li key={to}>
            <NavLink to={to} end={end} className="sub-nav__link">
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
