import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../ui';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="message-page">
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

/** Shown instead of a page the signed-in user's role does not cover. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <section className="message-page">
      <PageHeader title={t('forbidden.title')} description={t('forbidden.body')} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
