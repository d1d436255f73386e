import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Select, TextField } from '../../ui';
import { addTeam } from './api';
import { FactFields, checkFact, emptyFact, factCitation, type FactDraft } from './FactFields';
import { splitApiError, type FieldErrors } from './fieldErrors';
import { teamTypes, type Team, type TeamType } from './types';

interface AddTeamDialogProps {
  open: boolean;
  iso3: string;
  countryName: string;
  onClose(): void;
  onAdded(team: Team): void;
}

/** A new team of a country, with the date it was established and the source that says so. */
export function AddTeamDialog({ open, iso3, countryName, onClose, onAdded }: AddTeamDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<TeamType>('national');
  const [fact, setFact] = useState<FactDraft>(emptyFact);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName('');
    setType('national');
    setFact(emptyFact);
    setErrors({});
    setFailure(null);
  }, [open]);

  async function submit() {
    const found = checkFact(t, fact, 'established.');
    if (name.trim() === '') found.name = t('registry.form.nameMissing');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const team = await addTeam({
        iso3,
        name: name.trim(),
        type,
        established: {
          date: fact.date.trim(),
          citation: factCitation(fact),
          confidence: fact.confidence,
          ...(fact.note.trim() ? { note: fact.note.trim() } : {}),
        },
      });
      onAdded(team);
    } catch (error) {
      const split = splitApiError(t, error);
      setErrors(split.fields);
      setFailure(split.form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      title={t('registry.addTeam.title', { country: countryName })}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="add-team-dialog"
      footer={
        <>
          <Button type="submit" variant="primary" busy={busy}>
            {t('registry.addTeam.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      {failure ? <Alert tone="error" title={failure} /> : null}
      <TextField
        label={t('registry.addTeam.name')}
        hint={t('registry.addTeam.nameHint')}
        autoComplete="off"
        required
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <Select
        label={t('registry.addTeam.type')}
        hint={t(`registry.teamTypeHint.${type}`)}
        value={type}
        onChange={(value) => setType(value as TeamType)}
        options={teamTypes.map((value) => ({ value, label: t(`registry.teamType.${value}`) }))}
        error={errors.type}
      />
      <FactFields
        draft={fact}
        onChange={setFact}
        errors={errors}
        prefix="established."
        dateLabel={t('registry.addTeam.established')}
      />
    </Dialog>
  );
}
