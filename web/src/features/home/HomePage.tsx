import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { PageHeader } from '../../ui';

/** Modules this installation runs today, each with the page that opens it (if the role allows). */
const availableModules = [
  { key: 'registry', to: '/registry', permission: 'registry.read', open: 'registry.home.open' },
  { key: 'toolkit', to: '/toolkit', permission: 'toolkit.read', open: 'home.modules.toolkit.open' },
  {
    key: 'operations',
    to: '/incidents',
    permission: 'incidents.read',
    open: 'home.modules.operations.open',
  },
  { key: 'law', to: '/law', permission: 'law.read', open: 'home.modules.law.open' },
  {
    key: 'exchange',
    to: '/exchange',
    permission: 'exchange.read',
    open: 'home.modules.exchange.open',
  },
  { key: 'accounts', to: '/tokens', permission: 'tokens.own', open: 'home.modules.accounts.open' },
  { key: 'audit', to: '/admin/audit', permission: 'audit.read', open: 'home.modules.audit.open' },
] as const;

/** Modules in the project's architecture that are not part of this installation yet. */
const plannedModules = ['feeds', 'capacity'] as const;

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  useDocumentTitle(t('home.title'));

  return (
    <section>
      <PageHeader
        title={t('home.welcome', { name: me.displayName || me.email })}
        description={t('home.signedInAs', {
          email: me.email,
          role: t(`roles.${me.role}`, { defaultValue: me.role }),
        })}
      />
      <p className="lead">{t(`roleDescriptions.${me.role}`, { defaultValue: '' })}</p>

      <h2 className="section-title" id="available-heading">
        {t('home.available.title')}
      </h2>
      <p className="muted">{t('home.available.intro')}</p>
      <ul className="module-list" aria-labelledby="available-heading">
        {availableModules.map((module) => (
          <li key={module.key} className="module module--available">
            <h3 className="module__title">{t(`home.modules.${module.key}.name`)}</h3>
            <p className="module__text">{t(`home.modules.${module.key}.description`)}</p>
            {can(module.permission) ? (
              <Link className="module__link" to={module.to}>
                {t(module.open)}
              </Link>
            ) : (
              <p className="module__note">{t('home.available.noAccess')}</p>
            )}
          </li>
        ))}
      </ul>

      <h2 className="section-title" id="planned-heading">
        {t('home.planned.title')}
      </h2>
      <p className="muted">{t('home.planned.intro')}</p>
      <ul className="module-list module-list--planned" aria-labelledby="planned-heading">
        {plannedModules.map((key) => (
          <li key={key} className="module">
            <h3 className="module__title">{t(`home.modules.${key}.name`)}</h3>
            <p className="module__text">{t(`home.modules.${key}.description`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
