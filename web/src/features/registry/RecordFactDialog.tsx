import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Select, TextField } from '../../ui';
import { recordFact } from './api';
import { accreditationBodyNames } from './events';
import { FactFields, checkFact, emptyFact, factCitation, type FactDraft } from './FactFields';
import { splitApiError, type FieldErrors } from './fieldErrors';
import {
  accreditationBodies,
  accreditationStatuses,
  maturityTiers,
  teamTypes,
  type EventValue,
  type Team,
} from './types';

const kinds = ['renamed', 'closed', 'observed', 'maturity', 'accreditation', 'type'] as const;
type Kind = (typeof kinds)[number];

interface ValueDraft {
  kind: Kind;
  name: string;
  type: string;
  tier: string;
  body: string;
  status: string;
}

const emptyValue: ValueDraft = {
  kind: 'observed',
  name: '',
  type: 'national',
  tier: 'basic',
  body: 'FIRST',
  status: 'member',
};

function toValue(draft: ValueDraft): EventValue {
  switch (draft.kind) {
    case 'renamed':
      return { kind: 'renamed', name: draft.name.trim() };
    case 'type':
      return { kind: 'type', type: draft.type as (typeof teamTypes)[number] };
    case 'maturity':
      return { kind: 'maturity', tier: draft.tier as (typeof maturityTiers)[number] };
    case 'accreditation':
      return {
        kind: 'accreditation',
        body: draft.body as (typeof accreditationBodies)[number],
        status: draft.status as (typeof accreditationStatuses)[number],
      };
    default:
      return { kind: draft.kind };
  }
}

interface RecordFactDialogProps {
  team: Team | null;
  onClose(): void;
  onRecorded(): void;
}

/** Records one dated fact about a team: a new name, its closure, an accreditation... */
export function RecordFactDialog({ team, onClose, onRecorded }: RecordFactDialogProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<ValueDraft>(emptyValue);
  const [fact, setFact] = useState<FactDraft>(emptyFact);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = team !== null;

  useEffect(() => {
    if (!open) return;
    setValue(emptyValue);
    setFact(emptyFact);
    setErrors({});
    setFailure(null);
  }, [open]);

  async function submit() {
    if (!team) return;
    const found = checkFact(t, fact, '');
    if (value.kind === 'renamed' && value.name.trim() === '')
      found['value.name'] = t('registry.form.nameMissing');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await recordFact(team.id, {
        date: fact.date.trim(),
        value: toValue(value),
        citation: factCitation(fact),
        confidence: fact.confidence,
        ...(fact.note.trim() ? { note: fact.note.trim() } : {}),
      });
      onRecorded();
    } catch (error) {
      const split = splitApiError(t, error);
      setErrors(split.fields);
      setFailure(split.form);
    } finally {
      setBusy(false);
    }
  }

  const set = (change: Partial<ValueDraft>) => setValue({ ...value, ...change });
  const options = (values: readonly string[], group: string) =>
    values.map((v) => ({ value: v, label: t(`registry.${group}.${v}`) }));

  return (
    <Dialog
      open={open}
      title={t('registry.recordFact.title', { team: team?.name ?? '' })}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="record-fact-dialog"
      footer={
        <>
          <Button type="submit" variant="primary" busy={busy}>
            {t('registry.recordFact.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      {failure ? <Alert tone="error" title={failure} /> : null}
      <Select
        label={t('registry.recordFact.kind')}
        hint={t(`registry.kindHint.${value.kind}`)}
        value={value.kind}
        onChange={(kind) => set({ kind: kind as Kind })}
        options={kinds.map((kind) => ({ value: kind, label: t(`registry.kind.${kind}`) }))}
        error={errors['value.kind'] ?? errors.value}
      />
      {value.kind === 'renamed' ? (
        <TextField
          label={t('registry.recordFact.newName')}
          autoComplete="off"
          required
          value={value.name}
          onChange={(name) => set({ name })}
          error={errors['value.name']}
        />
      ) : null}
      {value.kind === 'type' ? (
        <Select
          label={t('registry.recordFact.newType')}
          value={value.type}
          onChange={(type) => set({ type })}
          options={options(teamTypes, 'teamType')}
          error={errors['value.type']}
        />
      ) : null}
      {value.kind === 'maturity' ? (
        <Select
          label={t('registry.recordFact.tier')}
          value={value.tier}
          onChange={(tier) => set({ tier })}
          options={options(maturityTiers, 'maturity')}
          error={errors['value.tier']}
        />
      ) : null}
      {value.kind === 'accreditation' ? (
        <>
          <Select
            label={t('registry.recordFact.body')}
            value={value.body}
            onChange={(body) => set({ body })}
            options={accreditationBodies.map((b) => ({
              value: b,
              label: accreditationBodyNames[b],
            }))}
            error={errors['value.body']}
          />
          <Select
            label={t('registry.recordFact.accreditationStatus')}
            value={value.status}
            onChange={(status) => set({ status })}
            options={options(accreditationStatuses, 'accreditationStatus')}
            error={errors['value.status']}
          />
        </>
      ) : null}
      <FactFields
        draft={fact}
        onChange={setFact}
        errors={errors}
        prefix=""
        dateLabel={t('registry.recordFact.date')}
      />
    </Dialog>
  );
}
