import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox } from '../../ui';
import { describedBy } from '../../ui/Field';
import { fileKind, importFile, type ImportMode, type ImportReport } from './exchange';

export type ImportOutcome =
  { kind: 'report'; report: ImportReport } | { kind: 'failed'; error: unknown };

interface ImportFormProps {
  onStart(): void;
  onDone(outcome: ImportOutcome): void;
}

const modes: ReadonlyArray<ImportMode> = ['all', 'valid'];

/** Picks a CSV or JSON file and sends it with the chosen mode; the page shows the outcome. */
export function ImportForm({ onStart, onDone }: ImportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const fileId = `${id}-file`;
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [dryRun, setDryRun] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setProblem(t('registry.exchange.import.noFile'));
    const kind = fileKind(file.name);
    if (!kind) return setProblem(t('registry.exchange.import.badType'));
    setProblem(null);
    setBusy(true);
    onStart();
    try {
      onDone({ kind: 'report', report: await importFile(file, kind, { mode, dryRun }) });
    } catch (error) {
      onDone({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const hint = t('registry.exchange.import.fileHint');
  return (
    <form className="form exchange-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className={problem ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={fileId}>
          {t('registry.exchange.import.file')}
        </label>
        <p className="field__hint" id={`${fileId}-hint`}>
          {hint}
        </p>
        {problem ? (
          <p className="field__error" id={`${fileId}-error`}>
            {problem}
          </p>
        ) : null}
        <input
          id={fileId}
          type="file"
          className="exchange-form__file"
          accept=".csv,.json"
          data-testid="import-file"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(fileId, hint, problem)}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setProblem(null);
          }}
        />
      </div>
      <fieldset className="exchange-form__modes">
        <legend className="field__label">{t('registry.exchange.import.modeLegend')}</legend>
        {modes.map((value) => (
          <div className="exchange-form__radio" key={value}>
            <input
              id={`${id}-mode-${value}`}
              type="radio"
              name={`${id}-mode`}
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
              data-testid={`import-mode-${value}`}
            />
            <label htmlFor={`${id}-mode-${value}`}>
              {t(
                value === 'all'
                  ? 'registry.exchange.import.modeAll'
                  : 'registry.exchange.import.modeValid',
              )}
            </label>
          </div>
        ))}
      </fieldset>
      <Checkbox
        id="import-dry-run"
        label={t('registry.exchange.import.dryRun')}
        hint={t('registry.exchange.import.dryRunHint')}
        checked={dryRun}
        onChange={setDryRun}
      />
      <Button type="submit" variant="primary" busy={busy} data-testid="import-submit">
        {t(dryRun ? 'registry.exchange.import.check' : 'registry.exchange.import.submit')}
      </Button>
    </form>
  );
}
