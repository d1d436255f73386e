import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Alert, Button, Checkbox, Select, TextField } from '../../../ui';
import { Field } from '../../../ui/Field';
import { updateOrg, type OrgInput } from '../api';
import {
  notifyChannels,
  notifyFormats,
  notifyPgpModes,
  sectors,
  verificationStatuses,
  type OrganisationDetail,
} from '../types';
import { fieldErrors } from './common';

const editable = (o: OrganisationDetail): OrgInput => ({
  name: o.name,
  shortName: o.shortName,
  sector: o.sector,
  critical: o.critical,
  iso3: o.iso3,
  language: o.language,
  notifyChannel: o.notifyChannel,
  notifyFormat: o.notifyFormat,
  notifyPgp: o.notifyPgp,
  verification: o.verification,
  website: o.website,
  notes: o.notes,
});

/** The organisation's own fields, saved with the revision read (a stale one is refused). */
export function OrgDetailsForm({
  org,
  canEdit,
  onSaved,
}: {
  org: OrganisationDetail;
  canEdit: boolean;
  onSaved(org: OrganisationDetail): void;
}) {
  const { t } = useTranslation('constituents');
  const [form, setForm] = useState<OrgInput>(() => editable(org));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = <K extends keyof OrgInput>(key: K, value: OrgInput[K]) => {
    setSaved(false);
    setForm({ ...form, [key]: value });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await updateOrg(org.id, { ...form, revision: org.revision });
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const options = (list: readonly string[], group: string) =>
    list.map((value) => ({ value, label: t(`common.${group}.${value}`) }));
  const text = (value: string | null) => value ?? '';
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset disabled={!canEdit} className="constituents-fieldset">
        <legend className="visually-hidden">{t('org.details.title')}</legend>
        <div className="constituents-grid">
          <TextField
            label={t('common.fields.name')}
            value={form.name}
            onChange={(v) => set('name', v)}
            error={errors.name}
            required
          />
          <TextField
            label={t('common.fields.shortName')}
            value={text(form.shortName)}
            onChange={(v) => set('shortName', v)}
            error={errors.shortName}
          />
          <Select
            label={t('common.fields.sector')}
            value={form.sector}
            onChange={(v) => set('sector', v as OrgInput['sector'])}
            options={options(sectors, 'sectors')}
            error={errors.sector}
          />
          <TextField
            label={t('common.fields.iso3')}
            hint={t('common.fields.iso3Hint')}
            value={text(form.iso3)}
            onChange={(v) => set('iso3', v.toUpperCase() === '' ? null : v.toUpperCase())}
            error={errors.iso3}
            maxLength={3}
          />
          <TextField
            label={t('common.fields.language')}
            hint={t('common.fields.languageHint')}
            value={form.language}
            onChange={(v) => set('language', v)}
            error={errors.language}
            maxLength={3}
          />
          <TextField
            label={t('common.fields.website')}
            type="url"
            value={text(form.website)}
            onChange={(v) => set('website', v)}
            error={errors.website}
          />
          <Select
            label={t('common.fields.notifyChannel')}
            value={form.notifyChannel}
            onChange={(v) => set('notifyChannel', v as OrgInput['notifyChannel'])}
            options={options(notifyChannels, 'channels')}
          />
          <Select
            label={t('common.fields.notifyFormat')}
            value={form.notifyFormat}
            onChange={(v) => set('notifyFormat', v as OrgInput['notifyFormat'])}
            options={options(notifyFormats, 'formats')}
          />
          <Select
            label={t('common.fields.notifyPgp')}
            hint={t('common.fields.notifyPgpHint')}
            value={form.notifyPgp}
            onChange={(v) => set('notifyPgp', v as OrgInput['notifyPgp'])}
            options={options(notifyPgpModes, 'pgp')}
          />
          <Select
            label={t('common.fields.verification')}
            value={form.verification}
            onChange={(v) => set('verification', v as OrgInput['verification'])}
            options={options(verificationStatuses, 'verification')}
          />
        </div>
        <Checkbox
          label={t('common.fields.critical')}
          hint={t('common.fields.criticalHint')}
          checked={form.critical}
          onChange={(v) => set('critical', v)}
        />
        <Field id="org-notes" label={t('common.fields.notes')} error={errors.notes}>
          <textarea
            id="org-notes"
            className="input constituents-notes"
            rows={3}
            value={form.notes}
            onChange={(event) => set('notes', event.target.value)}
          />
        </Field>
      </fieldset>
      {error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title={describeError(t, error).message}>
          {describeError(t, error).details.length > 0 ? (
            <p>{describeError(t, error).details.join(' ')}</p>
          ) : null}
        </Alert>
      ) : null}
      {saved ? <Alert tone="success" title={t('org.details.saved')} /> : null}
      {canEdit ? (
        <Button type="submit" variant="primary" busy={busy} data-testid="save-org">
          {t('org.details.save')}
        </Button>
      ) : null}
    </form>
  );
}
