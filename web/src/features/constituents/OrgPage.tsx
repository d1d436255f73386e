import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { Alert, Button, ConfirmDialog, Loading, PageHeader } from '../../ui';
import { deleteOrg, getOrg } from './api';
import { ConstituentsNav, CriticalBadge, VerificationBadge } from './components/common';
import { ContactsSection } from './components/ContactsSection';
import { OrgDetailsForm } from './components/OrgDetailsForm';
import { OwnershipSection } from './components/OwnershipSection';

/** One organisation: its details, the people to notify and what it owns. */
export default function OrgPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation('constituents');
  const { can } = useAuth();
  const navigate = useNavigate();
  const org = useResource(() => getOrg(orgId), [orgId]);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  useDocumentTitle(org.data?.name ?? t('org.title'));
  const canEdit = can('constituents.edit');

  async function remove() {
    try {
      await deleteOrg(orgId);
      void navigate('/constituents');
    } catch (caught) {
      const described = describeError(t, caught);
      setDeleteError([described.message, ...described.details].join(' '));
    }
  }

  if (org.status === 'failed' && !org.data)
    return (
      <section>
        <ConstituentsNav />
        <Alert tone="error" title={describeError(t, org.error).message} />
        <Link to="/constituents">{t('org.back')}</Link>
      </section>
    );
  if (!org.data) return <Loading />;
  const o = org.data;
  return (
    <section>
      <ConstituentsNav />
      <Link to="/constituents" className="back-link">
        {t('org.back')}
      </Link>
      <PageHeader
        title={o.name}
        description={
          <span className="constituents-badges">
            {t(`common.sectors.${o.sector}`)}
            {o.critical ? <CriticalBadge /> : null}
            <VerificationBadge status={o.verification} />
            {o.verifiedAt
              ? t('org.verifiedBy', { by: o.verifiedBy ?? '', at: formatDateTime(o.verifiedAt) })
              : null}
          </span>
        }
      />
      <section className="constituents-section" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('org.details.title')}</h2>
        <p className="constituents-muted">
          {t('org.details.updated', { by: o.updatedBy, at: formatDateTime(o.updatedAt) })}
        </p>
        <OrgDetailsForm key={o.id} org={o} canEdit={canEdit} onSaved={() => org.reload()} />
      </section>
      <ContactsSection
        orgId={o.id}
        contacts={o.contacts}
        canEdit={canEdit}
        onChanged={org.reload}
      />
      <OwnershipSection
        orgId={o.id}
        entries={o.ownership}
        canEdit={canEdit}
        onChanged={org.reload}
      />
      {canEdit ? (
        <section
          className="constituents-section constituents-danger"
          aria-labelledby="delete-heading"
        >
          <h2 id="delete-heading">{t('org.delete.title')}</h2>
          <p>{t('org.delete.intro')}</p>
          <Button variant="danger" onClick={() => setDeleting(true)} data-testid="delete-org">
            {t('org.delete.button')}
          </Button>
          <ConfirmDialog
            open={deleting}
            title={t('org.delete.confirmTitle', { name: o.name })}
            confirmLabel={t('org.delete.button')}
            destructive
            error={deleteError}
            onConfirm={() => void remove()}
            onCancel={() => {
              setDeleting(false);
              setDeleteError(null);
            }}
          >
            <p>{t('org.delete.confirmBody')}</p>
          </ConfirmDialog>
        </section>
      ) : null}
    </section>
  );
}
