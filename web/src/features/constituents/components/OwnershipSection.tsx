import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Alert, Button, EmptyState, Select, Table, TextField } from '../../../ui';
import { addOwnership, deleteOwnership } from '../api';
import { ownershipKinds, type Ownership, type OwnershipKind } from '../types';
import { fieldErrors } from './common';

/** IP prefixes, AS numbers and domains the organisation owns; a bad value is refused precisely. */
export function OwnershipSection({
  orgId,
  entries,
  canEdit,
  onChanged,
}: {
  orgId: string;
  entries: Ownership[];
  canEdit: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation('constituents');
  const [kind, setKind] = useState<OwnershipKind>('ipv4');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = fieldErrors(error);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const entry = await addOwnership(orgId, kind, value, note);
      setValue('');
      setNote('');
      setNotice(t('org.ownership.added', { value: entry.value }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function remove(entry: Ownership) {
    setError(null);
    try {
      await deleteOwnership(orgId, entry.id);
      setNotice(t('org.ownership.removed', { value: entry.value }));
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="constituents-section" aria-labelledby="ownership-heading">
      <h2 id="ownership-heading">{t('org.ownership.title')}</h2>
      <p>{t('org.ownership.intro')}</p>
      {notice ? <Alert tone="success" title={notice} /> : null}
      {error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title={describeError(t, error).message} />
      ) : null}
      {entries.length === 0 ? (
        <EmptyState title={t('org.ownership.empty')} />
      ) : (
        <Table
          caption={t('org.ownership.caption')}
          captionHidden
          columns={[
            { key: 'kind', label: t('org.ownership.kind') },
            { key: 'value', label: t('org.ownership.value') },
            { key: 'source', label: t('org.ownership.source') },
            { key: 'note', label: t('org.ownership.note') },
            ...(canEdit
              ? [{ key: 'actions', label: t('common.actions'), visuallyHidden: true }]
              : []),
          ]}
        >
          {entries.map((e) => (
            <tr key={e.id} data-value={e.value}>
              <td>{t(`common.kinds.${e.kind}`)}</td>
              <td>
                <span className="constituents-code">{e.value}</span>
              </td>
              <td>{t(`common.sources.${e.source}`)}</td>
              <td>{e.note || '—'}</td>
              {canEdit ? (
                <td className="cell--actions">
                  <Button
                    variant="quiet"
                    onClick={() => void remove(e)}
                    aria-label={t('org.ownership.removeLabel', { value: e.value })}
                  >
                    {t('common.remove')}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
      {canEdit ? (
        <form className="constituents-inline-form" noValidate onSubmit={(event) => void add(event)}>
          <Select
            label={t('org.ownership.kind')}
            value={kind}
            onChange={(v) => setKind(v as OwnershipKind)}
            options={ownershipKinds.map((k) => ({ value: k, label: t(`common.kinds.${k}`) }))}
          />
          <TextField
            label={t('org.ownership.value')}
            hint={t(`org.ownership.hints.${kind}`)}
            dir="ltr"
            value={value}
            onChange={setValue}
            error={errors.value ?? errors.kind}
            data-testid="ownership-value"
          />
          <TextField label={t('org.ownership.note')} value={note} onChange={setNote} />
          <Button type="submit" variant="primary" busy={busy} data-testid="add-ownership">
            {t('org.ownership.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
