import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  EmptyState,
  Loading,
  PageHeader,
  Pagination,
  Select,
  Table,
  TextField,
} from '../../ui';
import { createOrg, listOrgs } from './api';
import {
  ConstituentsNav,
  CriticalBadge,
  fieldErrors,
  VerificationBadge,
} from './components/common';
import { sectors, verificationStatuses, type OrgFilter, type Sector } from './types';

const pageSize = 25;
const noFilter: OrgFilter = { q: '', sector: '', critical: '', verification: '' };

function NewOrgDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('constituents');
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector>('other');
  const [critical, setCritical] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const created = await createOrg({
        name,
        sector,
        critical,
        shortName: null,
        iso3: null,
        language: 'en',
        notifyChannel: 'email',
        notifyFormat: 'text',
        notifyPgp: 'none',
        verification: 'unverified',
        website: null,
        notes: '',
      });
      void navigate(`/constituents/orgs/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={t('orgs.new.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="new-org-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('orgs.new.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('orgs.new.submit')}
          </Button>
        </>
      }
    >
      {error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title={describeError(t, error).message} />
      ) : null}
      <TextField
        label={t('common.fields.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        required
        autoComplete="off"
      />
      <Select
        label={t('common.fields.sector')}
        value={sector}
        onChange={(value) => setSector(value as Sector)}
        options={sectors.map((s) => ({ value: s, label: t(`common.sectors.${s}`) }))}
        error={errors.sector}
      />
      <Checkbox
        label={t('common.fields.critical')}
        hint={t('common.fields.criticalHint')}
        checked={critical}
        onChange={setCritical}
      />
    </Dialog>
  );
}

/** Every organisation the CIRT serves: search, filters, and the way to add one. */
export default function OrgsPage() {
  const { t } = useTranslation('constituents');
  const { can } = useAuth();
  useDocumentTitle(t('orgs.title'));
  const [draft, setDraft] = useState<OrgFilter>(noFilter);
  const [filter, setFilter] = useState<OrgFilter>(noFilter);
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const orgs = useResource(() => listOrgs(filter, offset, pageSize), [filter, offset]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilter(draft);
  };
  const any = { value: '', label: t('orgs.filters.any') };
  const items = orgs.data?.items ?? [];

  return (
    <section>
      <ConstituentsNav />
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.intro')}
        actions={
          can('constituents.edit') ? (
            <Button variant="primary" onClick={() => setAdding(true)} data-testid="add-org">
              {t('orgs.add')}
            </Button>
          ) : null
        }
      />
      <form
        className="constituents-filters"
        role="search"
        aria-label={t('orgs.filters.label')}
        onSubmit={apply}
      >
        <TextField
          label={t('orgs.filters.q')}
          type="search"
          value={draft.q}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <Select
          label={t('common.fields.sector')}
          value={draft.sector}
          onChange={(sector) => setDraft({ ...draft, sector })}
          options={[any, ...sectors.map((s) => ({ value: s, label: t(`common.sectors.${s}`) }))]}
        />
        <Select
          label={t('common.fields.critical')}
          value={draft.critical}
          onChange={(critical) => setDraft({ ...draft, critical })}
          options={[
            any,
            { value: 'true', label: t('orgs.filters.criticalOnly') },
            { value: 'false', label: t('orgs.filters.notCritical') },
          ]}
        />
        <Select
          label={t('common.fields.verification')}
          value={draft.verification}
          onChange={(verification) => setDraft({ ...draft, verification })}
          options={[
            any,
            ...verificationStatuses.map((v) => ({
              value: v,
              label: t(`common.verification.${v}`),
            })),
          ]}
        />
        <div className="constituents-filters__actions">
          <Button type="submit" variant="primary">
            {t('orgs.filters.apply')}
          </Button>
          <Button
            onClick={() => {
              setDraft(noFilter);
              setFilter(noFilter);
              setOffset(0);
            }}
          >
            {t('orgs.filters.clear')}
          </Button>
        </div>
      </form>
      {orgs.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, orgs.error).message} />
      ) : null}
      {!orgs.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('orgs.empty')}>
          <p>{t('orgs.emptyHelp')}</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption={t('orgs.caption', { total: formatNumber(orgs.data.total) })}
            columns={[
              { key: 'name', label: t('common.fields.name') },
              { key: 'sector', label: t('common.fields.sector') },
              { key: 'country', label: t('common.fields.iso3') },
              { key: 'status', label: t('common.fields.verification') },
              { key: 'contacts', label: t('orgs.columns.contacts') },
              { key: 'owned', label: t('orgs.columns.owned') },
            ]}
          >
            {items.map((o) => (
              <tr key={o.id} data-org={o.name}>
                <td>
                  <Link to={`/constituents/orgs/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                  {o.shortName ? <> ({o.shortName})</> : null}
                </td>
                <td>
                  <span className="constituents-badges">
                    {t(`common.sectors.${o.sector}`)}
                    {o.critical ? <CriticalBadge /> : null}
                  </span>
                </td>
                <td>{o.iso3 ?? '—'}</td>
                <td>
                  <VerificationBadge status={o.verification} />
                </td>
                <td className="cell--number">{formatNumber(o.contactCount)}</td>
                <td className="cell--number">{formatNumber(o.ownershipCount)}</td>
              </tr>
            ))}
          </Table>
          <Pagination
            offset={offset}
            limit={pageSize}
            total={orgs.data.total}
            onChange={setOffset}
          />
        </>
      )}
      {adding ? <NewOrgDialog open={adding} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
