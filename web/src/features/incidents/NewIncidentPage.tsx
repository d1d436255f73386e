import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Alert, Button, Loading, PageHeader, Select, TextField } from '../../ui';
import { createIncident } from './api';
import { splitError, type FieldErrors } from './components/errors';
import { RsitSelects } from './components/RsitSelects';
import { SectorSelect } from './components/SectorSelect';
import { SeveritySelect } from './components/SeveritySelect';
import { TextArea } from './components/TextArea';
import { PapPicker, TlpPicker } from './components/TlpPicker';
import { useReference } from './components/useReference';
import { ObservablesInput } from './new/ObservablesInput';
import { parseObservables } from './new/observables';
import { impactLevels, type Impact, type Pap, type Tlp } from './types';
import '../../ui/theme-incidents.css';

interface Form {
  title: string;
  description: string;
  rsitClass: string | null;
  rsitType: string | null;
  tlp: Tlp;
  pap: Pap;
  severity: string | null;
  impact: Impact | null;
  sector: string;
  occurredAt: string;
  observables: string;
  reporterName: string;
  reporterEmail: string;
  reporterOrganisation: string;
}

const empty: Form = {
  title: '',
  description: '',
  rsitClass: null,
  rsitType: null,
  tlp: 'amber',
  pap: 'amber',
  severity: null,
  impact: null,
  sector: '',
  occurredAt: '',
  observables: '',
  reporterName: '',
  reporterEmail: '',
  reporterOrganisation: '',
};

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Intake by an analyst: what happened, classification, observables and who reported it. */
export default function NewIncidentPage() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const reference = useReference();
  const [form, setForm] = useState<Form>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('core.new.title'));
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));

  async function submit() {
    const observables = parseObservables(form.observables);
    const local: FieldErrors = {};
    if (form.title.trim() === '') local.title = t('core.new.titleMissing');
    const unknown = observables.filter((o) => o.kind === null);
    if (unknown.length > 0)
      local.observables = t('core.observables.unknownLines', {
        lines: unknown.map((o) => o.line).join(', '),
      });
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFailure(t('core.new.fixFields'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const created = await createIncident({
        title: form.title.trim(),
        description: form.description,
        rsitClass: form.rsitClass,
        rsitType: form.rsitType,
        tlp: form.tlp,
        pap: form.pap,
        severity: form.severity,
        impact: form.impact,
        sector: orNull(form.sector),
        occurredAt: form.occurredAt ? new Date(form.occurredAt).toISOString() : null,
        reporter: {
          name: orNull(form.reporterName),
          email: orNull(form.reporterEmail),
          organisation: orNull(form.reporterOrganisation),
        },
        observables: observables.map((o) => ({ kind: o.kind!, value: o.value, note: '' })),
      });
      void navigate(`/incidents/${encodeURIComponent(created.id)}`, {
        state: { created: created.reference },
      });
    } catch (error) {
      const split = splitError(t, tApp, error);
      setErrors(split.fields);
      setFailure(split.form);
      setBusy(false);
    }
  }

  const header = <PageHeader title={t('core.new.title')} description={t('core.new.intro')} />;
  if (!reference.data) {
    return (
      <>
        {header}
        {reference.status === 'failed' ? (
          <Alert tone="error" title={t('core.referenceFailed')} />
        ) : (
          <Loading />
        )}
      </>
    );
  }
  const ref = reference.data;
  const fieldError = (key: string) => errors[key];

  return (
    <>
      {header}
      <form
        className="incident-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {failure ? (
          <Alert tone="error" title={failure} testId="incident-new-error">
            {Object.keys(errors).length > 0 ? (
              <ul>
                {Object.entries(errors).map(([field, message]) => (
                  <li key={field}>
                    <a href={`#incident-new-${field.replace(/\./g, '-')}`}>{message}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        <section className="incident-form__section" aria-labelledby="incident-new-what">
          <h2 id="incident-new-what">{t('core.new.what')}</h2>
          <TextField
            id="incident-new-title"
            label={t('core.fields.title')}
            hint={t('core.fields.titleHint')}
            value={form.title}
            error={fieldError('title')}
            required
            maxLength={300}
            onChange={(title) => set({ title })}
          />
          <TextArea
            id="incident-new-description"
            label={t('core.fields.description')}
            hint={t('core.fields.descriptionHint')}
            value={form.description}
            error={fieldError('description')}
            rows={6}
            onChange={(description) => set({ description })}
          />
          <TextField
            id="incident-new-occurredAt"
            type="datetime-local"
            label={t('core.fields.occurredAt')}
            value={form.occurredAt}
            error={fieldError('occurredAt')}
            onChange={(occurredAt) => set({ occurredAt })}
          />
        </section>

        <section className="incident-form__section" aria-labelledby="incident-new-class">
          <h2 id="incident-new-class">{t('core.new.classification')}</h2>
          <RsitSelects
            idPrefix="incident-new"
            rsit={ref.rsit}
            rsitClass={form.rsitClass}
            rsitType={form.rsitType}
            errors={{ rsitClass: fieldError('rsitClass'), rsitType: fieldError('rsitType') }}
            onChange={(rsitClass, rsitType) => set({ rsitClass, rsitType })}
          />
          <div className="incident-form__pair">
            <SeveritySelect
              id="incident-new-severity"
              ladder={ref.ladder}
              value={form.severity}
              error={fieldError('severity')}
              onChange={(severity) => set({ severity })}
            />
            <Select
              id="incident-new-impact"
              label={t('core.fields.impact')}
              value={form.impact ?? ''}
              options={[
                { value: '', label: t('core.fields.notAssessed') },
                ...impactLevels.map((i) => ({ value: i, label: t(`core.impact.${i}`) })),
              ]}
              onChange={(impact) => set({ impact: (impact || null) as Impact | null })}
            />
          </div>
          <SectorSelect
            id="incident-new-sector"
            hint={t('core.fields.sectorHint')}
            value={form.sector || null}
            error={fieldError('sector')}
            onChange={(sector) => set({ sector: sector ?? '' })}
          />
          <div className="incident-form__pair incident-form__pair--pickers">
            <TlpPicker name="incident-new-tlp" value={form.tlp} onChange={(tlp) => set({ tlp })} />
            <PapPicker name="incident-new-pap" value={form.pap} onChange={(pap) => set({ pap })} />
          </div>
          {form.tlp === 'red' || form.tlp === 'amber+strict' ? (
            <Alert tone="info" title={t('core.tlp.restrictedNote')} />
          ) : null}
        </section>

        <section className="incident-form__section" aria-labelledby="incident-new-obs">
          <h2 id="incident-new-obs">{t('core.new.observables')}</h2>
          <ObservablesInput
            id="incident-new-observables"
            value={form.observables}
            error={fieldError('observables')}
            onChange={(observables) => set({ observables })}
          />
        </section>

        <section className="incident-form__section" aria-labelledby="incident-new-reporter">
          <h2 id="incident-new-reporter">{t('core.new.reporter')}</h2>
          <div className="incident-form__pair">
            <TextField
              id="incident-new-reporter-name"
              label={t('core.fields.reporterName')}
              value={form.reporterName}
              autoComplete="off"
              onChange={(reporterName) => set({ reporterName })}
            />
            <TextField
              id="incident-new-reporter-email"
              type="email"
              dir="ltr"
              label={t('core.fields.reporterEmail')}
              value={form.reporterEmail}
              error={fieldError('reporter.email')}
              autoComplete="off"
              onChange={(reporterEmail) => set({ reporterEmail })}
            />
          </div>
          <TextField
            id="incident-new-reporter-organisation"
            label={t('core.fields.reporterOrganisation')}
            value={form.reporterOrganisation}
            onChange={(reporterOrganisation) => set({ reporterOrganisation })}
          />
        </section>

        <div className="incident-form__actions">
          <Button type="submit" variant="primary" busy={busy} data-testid="incident-create">
            {t('core.new.submit')}
          </Button>
          <Link className="btn btn--quiet" to="/incidents">
            {t('core.new.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
