import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ConfirmDialog,
  Dialog,
  EmptyState,
  Select,
  Table,
  TextField,
} from '../../../ui';
import { Field, describedBy } from '../../../ui/Field';
import { addContact, deleteContact, updateContact, type ContactInput } from '../api';
import { contactRoles, type Contact } from '../types';
import { fieldErrors, groupFingerprint } from './common';

const blank: ContactInput = {
  name: '',
  role: 'security',
  email: '',
  phone: null,
  pgpKey: null,
  languages: [],
  isPrimary: false,
  notes: '',
};

function ContactDialog({
  orgId,
  contact,
  onClose,
  onSaved,
}: {
  orgId: string;
  contact: Contact | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('constituents');
  const [form, setForm] = useState<ContactInput>(() =>
    contact
      ? {
          name: contact.name,
          role: contact.role,
          email: contact.email,
          phone: contact.phone,
          pgpKey: contact.pgpKey,
          languages: contact.languages,
          isPrimary: contact.isPrimary,
          notes: contact.notes,
        }
      : blank,
  );
  const [languages, setLanguages] = useState(() => form.languages.join(' '));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const keyError = errors.pgpKey;
  const languageError = Object.entries(errors).find(([k]) => k.startsWith('languages'))?.[1];

  async function submit() {
    setBusy(true);
    setError(null);
    const input = { ...form, languages: languages.split(/[\s,;]+/).filter(Boolean) };
    try {
      if (contact) await updateContact(orgId, contact.id, input);
      else await addContact(orgId, input);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const set = <K extends keyof ContactInput>(key: K, value: ContactInput[K]) =>
    setForm({ ...form, [key]: value });
  return (
    <Dialog
      open
      title={
        contact ? t('org.contacts.editTitle', { name: contact.name }) : t('org.contacts.addTitle')
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="contact-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title={describeError(t, error).message} />
      ) : null}
      <TextField
        label={t('org.contacts.name')}
        value={form.name}
        onChange={(v) => set('name', v)}
        error={errors.name}
        required
      />
      <Select
        label={t('org.contacts.role')}
        value={form.role}
        onChange={(v) => set('role', v as ContactInput['role'])}
        options={contactRoles.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
      />
      <TextField
        label={t('org.contacts.email')}
        type="email"
        dir="ltr"
        value={form.email}
        onChange={(v) => set('email', v)}
        error={errors.email}
        required
      />
      <TextField
        label={t('org.contacts.phone')}
        type="tel"
        dir="ltr"
        value={form.phone ?? ''}
        onChange={(v) => set('phone', v)}
        error={errors.phone}
      />
      <TextField
        label={t('org.contacts.languages')}
        hint={t('org.contacts.languagesHint')}
        value={languages}
        onChange={setLanguages}
        error={languageError}
      />
      <Field
        id="contact-key"
        label={t('org.contacts.pgpKey')}
        hint={t('org.contacts.pgpKeyHint')}
        error={keyError}
      >
        <textarea
          id="contact-key"
          className="input constituents-key"
          spellCheck={false}
          value={form.pgpKey ?? ''}
          onChange={(event) => set('pgpKey', event.target.value)}
          aria-invalid={keyError ? true : undefined}
          aria-describedby={describedBy('contact-key', t('org.contacts.pgpKeyHint'), keyError)}
        />
      </Field>
      <Checkbox
        label={t('org.contacts.primary')}
        hint={t('org.contacts.primaryHint')}
        checked={form.isPrimary}
        onChange={(v) => set('isPrimary', v)}
      />
    </Dialog>
  );
}

/** The people to notify, with their OpenPGP key's fingerprint and expiry. */
export function ContactsSection({
  orgId,
  contacts,
  canEdit,
  onChanged,
}: {
  orgId: string;
  contacts: Contact[];
  canEdit: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation('constituents');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(contact: Contact) {
    try {
      await deleteContact(orgId, contact.id);
      setRemoving(null);
      onChanged();
    } catch (caught) {
      setError(describeError(t, caught).message);
    }
  }

  return (
    <section className="constituents-section" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('org.contacts.title')}</h2>
      {contacts.length === 0 ? (
        <EmptyState title={t('org.contacts.empty')} />
      ) : (
        <Table
          caption={t('org.contacts.caption')}
          captionHidden
          columns={[
            { key: 'name', label: t('org.contacts.name') },
            { key: 'email', label: t('org.contacts.email') },
            { key: 'languages', label: t('org.contacts.languages') },
            { key: 'key', label: t('org.contacts.pgpKey') },
            ...(canEdit
              ? [{ key: 'actions', label: t('common.actions'), visuallyHidden: true }]
              : []),
          ]}
        >
          {contacts.map((c) => (
            <tr key={c.id} data-contact={c.email}>
              <td>
                {c.name} <span className="constituents-muted">({t(`common.roles.${c.role}`)})</span>{' '}
                {c.isPrimary ? (
                  <Badge tone="success">{t('org.contacts.primaryBadge')}</Badge>
                ) : null}
              </td>
              <td>
                <bdi dir="ltr">{c.email}</bdi>
                {c.phone ? (
                  <>
                    <br />
                    <bdi dir="ltr">{c.phone}</bdi>
                  </>
                ) : null}
              </td>
              <td>{c.languages.join(', ') || '—'}</td>
              <td>
                {c.pgpFingerprint ? (
                  <>
                    <span className="constituents-fingerprint" data-testid="fingerprint">
                      {groupFingerprint(c.pgpFingerprint)}
                    </span>
                    <br />
                    {c.pgpExpiresAt
                      ? t('org.contacts.expires', { date: formatDateTime(c.pgpExpiresAt) })
                      : t('org.contacts.noExpiry')}
                  </>
                ) : (
                  t('org.contacts.noKey')
                )}
              </td>
              {canEdit ? (
                <td className="cell--actions">
                  <Button
                    variant="quiet"
                    onClick={() => setEditing(c)}
                    aria-label={t('org.contacts.editLabel', { name: c.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    variant="quiet"
                    onClick={() => setRemoving(c)}
                    aria-label={t('org.contacts.removeLabel', { name: c.name })}
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
        <Button onClick={() => setEditing('new')} data-testid="add-contact">
          {t('org.contacts.add')}
        </Button>
      ) : null}
      {editing ? (
        <ContactDialog
          orgId={orgId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('org.contacts.removeTitle')}
        confirmLabel={t('common.remove')}
        destructive
        error={error}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        <p>{t('org.contacts.removeBody', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
