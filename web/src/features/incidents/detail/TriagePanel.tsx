import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Select } from '../../../ui';
import { updateIncident, type TriagePatch } from '../api';
import { isConflict, splitError, type FieldErrors } from '../components/errors';
import { RsitSelects } from '../components/RsitSelects';
import { SectorSelect } from '../components/SectorSelect';
import { SeveritySelect } from '../components/SeveritySelect';
import {
  impactLevels,
  papLevels,
  tlpLevels,
  type Impact,
  type Incident,
  type Pap,
  type Tlp,
} from '../types';
import { useIncident } from './context';

type Draft = Pick<
  Incident,
  | 'rsitClass'
  | 'rsitType'
  | 'tlp'
  | 'pap'
  | 'severity'
  | 'impact'
  | 'sector'
  | 'assigneeId'
  | 'queue'
>;
const keys = [
  'rsitClass',
  'rsitType',
  'tlp',
  'pap',
  'severity',
  'impact',
  'sector',
  'assigneeId',
  'queue',
] as const satisfies ReadonlyArray<keyof Draft>;

const draftOf = (incident: Incident): Draft =>
  Object.fromEntries(keys.map((k) => [k, incident[k]])) as Draft;

/**
 * Classification and handling fields, saved together with the revision the analyst saw. If
 * someone else saved first the server refuses (409) and the panel says so, with a reload.
 */
export function TriagePanel() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, reference, setIncident, refresh, canHandle, me } = useIncident();
  const [draft, setDraft] = useState<Draft>(() => draftOf(incident));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ text: string; conflict: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // A new revision from elsewhere on the page (status change, reload) resets the form.
  useEffect(() => {
    setDraft(draftOf(incident));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incident.id, incident.revision]);

  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  const changed = keys.filter((k) => (draft[k] ?? null) !== (incident[k] ?? null));

  async function save() {
    const patch: TriagePatch = { revision: incident.revision };
    for (const key of changed)
      Object.assign(patch, { [key]: draft[key] === '' ? null : draft[key] });
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      setIncident(await updateIncident(incident.id, patch));
      setSaved(true);
      refresh();
    } catch (error) {
      const split = splitError(t, tApp, error);
      setErrors(split.fields);
      setFailure({
        text: isConflict(error) ? t('detail.stale') : split.form,
        conflict: isConflict(error),
      });
    } finally {
      setBusy(false);
    }
  }

  const users = (reference.users ?? []).filter((u) => u.canHandle);
  const assignees = [
    { value: '', label: t('detail.triage.unassigned') },
    { value: me.id, label: t('detail.triage.me', { name: me.displayName }) },
    ...users.filter((u) => u.id !== me.id).map((u) => ({ value: u.id, label: u.displayName })),
  ];
  if (draft.assigneeId && !assignees.some((a) => a.value === draft.assigneeId))
    assignees.push({ value: draft.assigneeId, label: t('detail.triage.someoneElse') });

  return (
    <section
      className="incident-card"
      aria-labelledby="incident-triage-title"
      data-testid="triage-panel"
    >
      <h2 id="incident-triage-title" className="incident-card__title">
        {t('detail.triage.title')}
      </h2>
      <form
        noValidate
        className="triage-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="triage-form__fields" disabled={!canHandle}>
          <legend className="visually-hidden">{t('detail.triage.title')}</legend>
          <RsitSelects
            idPrefix="triage"
            rsit={reference.rsit}
            rsitClass={draft.rsitClass}
            rsitType={draft.rsitType}
            errors={{ rsitClass: errors.rsitClass, rsitType: errors.rsitType }}
            onChange={(rsitClass, rsitType) => set({ rsitClass, rsitType })}
          />
          <Select
            id="triage-tlp"
            label={t('core.fields.tlp')}
            hint={t(`core.tlp.explain.${draft.tlp}`)}
            value={draft.tlp}
            error={errors.tlp}
            options={tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
            onChange={(tlp) => set({ tlp: tlp as Tlp })}
          />
          <Select
            id="triage-pap"
            label={t('core.fields.pap')}
            hint={t(`core.pap.explain.${draft.pap}`)}
            value={draft.pap}
            options={papLevels.map((l) => ({ value: l, label: `PAP:${l.toUpperCase()}` }))}
            onChange={(pap) => set({ pap: pap as Pap })}
          />
          <SeveritySelect
            id="triage-severity"
            ladder={reference.ladder}
            value={draft.severity}
            error={errors.severity}
            onChange={(severity) => set({ severity })}
          />
          <Select
            id="triage-impact"
            label={t('core.fields.impact')}
            value={draft.impact ?? ''}
            options={[
              { value: '', label: t('core.fields.notAssessed') },
              ...impactLevels.map((i) => ({ value: i, label: t(`core.impact.${i}`) })),
            ]}
            onChange={(impact) => set({ impact: (impact || null) as Impact | null })}
          />
          <SectorSelect
            id="triage-sector"
            value={draft.sector}
            error={errors.sector}
            onChange={(sector) => set({ sector })}
          />
          <Select
            id="triage-assignee"
            label={t('core.fields.assignee')}
            value={draft.assigneeId ?? ''}
            error={errors.assigneeId}
            options={assignees}
            onChange={(assigneeId) => set({ assigneeId: assigneeId || null })}
          />
          <Select
            id="triage-queue"
            label={t('core.fields.queue')}
            value={draft.queue ?? ''}
            error={errors.queue}
            options={[
              { value: '', label: t('detail.triage.noQueue') },
              ...reference.queues.map((q) => ({ value: q.id, label: q.name })),
              ...(draft.queue && !reference.queues.some((q) => q.id === draft.queue)
                ? [{ value: draft.queue, label: draft.queue }]
                : []),
            ]}
            onChange={(queue) => set({ queue: queue || null })}
          />
        </fieldset>
        {failure ? (
          <Alert tone="error" title={failure.text} testId="triage-error">
            {failure.conflict ? (
              <Button
                onClick={() => {
                  setFailure(null);
                  refresh();
                }}
                data-testid="triage-reload"
              >
                {t('detail.reload')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {saved && changed.length === 0 ? (
          <p className="triage-form__saved" role="status">
            {t('detail.triage.saved')}
          </p>
        ) : null}
        {canHandle ? (
          <div className="triage-form__actions">
            <Button
              type="submit"
              variant="primary"
              busy={busy}
              disabled={changed.length === 0}
              data-testid="triage-save"
            >
              {t('detail.triage.save')}
            </Button>
            {changed.length > 0 ? (
              <Button variant="quiet" onClick={() => setDraft(draftOf(incident))}>
                {t('detail.triage.undo')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
