import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import { Alert, Button, Checkbox, Table } from '../../../ui';
import { describedBy } from '../../../ui/Field';
import { exportUrl, importAssessments } from '../api';
import type { ImportReport, RowError } from '../types';

type Outcome = { kind: 'report'; report: ImportReport } | { kind: 'failed'; error: unknown } | null;

function RowErrors({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation('law');
  if (errors.length === 0) return null;
  return (
    <Table
      caption={t('import.errorsCaption')}
      columns={[
        { key: 'row', label: t('import.columns.row') },
        { key: 'field', label: t('import.columns.field') },
        { key: 'problem', label: t('import.columns.problem') },
      ]}
    >
      {errors.map((e, i) => (
        <tr key={`${e.row}-${e.field}-${i}`} data-row={e.row}>
          <td className="cell--number cell--tight">
            {e.row === 0
              ? t('import.file')
              : e.line !== undefined
                ? t('import.rowLine', { row: formatNumber(e.row), line: formatNumber(e.line) })
                : formatNumber(e.row)}
          </td>
          <td>
            <bdi>{e.field}</bdi>
          </td>
          <td>
            <bdi lang="en">{e.message}</bdi>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('law');
  if (!outcome) return null;
  if (outcome.kind === 'failed') {
    const error = outcome.error;
    const rows = error instanceof ApiError ? ((error.problem.errors ?? []) as RowError[]) : [];
    const refused = error instanceof ApiError && error.status === 422;
    const badRows = new Set(rows.filter((r) => r.row > 0).map((r) => r.row)).size;
    return (
      <div data-testid="import-outcome" className="law-import__outcome">
        <Alert
          tone="error"
          title={
            refused
              ? badRows > 0
                ? t('import.refusedRows', { count: badRows })
                : t('import.refusedFile')
              : describeError(t, error).message
          }
        >
          {refused ? <p>{t('import.refusedBody')}</p> : null}
        </Alert>
        <RowErrors errors={rows} />
      </div>
    );
  }
  const { report } = outcome;
  return (
    <div data-testid="import-outcome" className="law-import__outcome">
      <Alert
        tone={report.dryRun ? 'info' : 'success'}
        title={t(report.dryRun ? 'import.checked' : 'import.done')}
      >
        <p>
          {t('import.counts', {
            imported: formatNumber(report.imported),
            unchanged: formatNumber(report.unchanged),
            countries: report.countries.join(', ') || '–',
          })}
        </p>
      </Alert>
    </div>
  );
}

/**
 * Assessments in and out as CSV (the export's columns are the import's): an import is all or
 * nothing, and a refused file lists every bad row with its field and problem.
 */
export function ImportPanel({
  iso3,
  canEdit,
  onImported,
}: {
  /** The country whose assessments the export link takes; all countries without one. */
  iso3?: string;
  canEdit: boolean;
  onImported(): void;
}) {
  const { t } = useTranslation('law');
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblem(t('import.noFile'));
    if (!/\.(csv|json)$/i.test(file.name)) return setProblem(t('import.badType'));
    setProblem(null);
    setBusy(true);
    setOutcome(null);
    try {
      const report = await importAssessments(file, dryRun);
      setOutcome({ kind: 'report', report });
      if (!report.dryRun && report.imported > 0) onImported();
    } catch (error) {
      if (error instanceof SyntaxError) setProblem(t('import.badJson'));
      else setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  }

  const hint = t('import.hint');
  return (
    <section aria-labelledby="law-exchange-heading" className="law-section law-panel">
      <h2 id="law-exchange-heading" className="section-title">
        {t('import.title')}
      </h2>
      <p className="law-measure">{t(iso3 ? 'import.exportIntroCountry' : 'import.exportIntro')}</p>
      <p>
        <a className="btn btn--secondary" href={exportUrl(iso3)} download data-testid="law-export">
          {t(iso3 ? 'import.exportCountry' : 'import.exportAll')}
        </a>
      </p>
      {canEdit ? (
        <form className="form law-import" noValidate onSubmit={(event) => void submit(event)}>
          <div className={problem ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={fileId}>
              {t('import.label')}
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
              accept=".csv,.json,text/csv,application/json"
              data-testid="law-import-file"
              aria-invalid={problem ? true : undefined}
              aria-describedby={describedBy(fileId, hint, problem)}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
          </div>
          <Checkbox
            label={t('import.dryRun')}
            hint={t('import.dryRunHint')}
            checked={dryRun}
            onChange={setDryRun}
          />
          <Button type="submit" variant="primary" busy={busy} data-testid="law-import-submit">
            {t(dryRun ? 'import.check' : 'import.submit')}
          </Button>
        </form>
      ) : null}
      <OutcomeView outcome={outcome} />
    </section>
  );
}
