import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Alert, Button, Checkbox, PageHeader, Select, Table, TextField } from '../../ui';
import { describedBy } from '../../ui/Field';
import { importFile, importRir } from './api';
import { ConstituentsNav, fieldErrors } from './components/common';
import { sectors, type ImportReport, type RirReport, type RowError } from './types';

type Outcome<T> = { kind: 'report'; report: T } | { kind: 'failed'; error: unknown } | null;

function ErrorsTable({ errors }: { errors: { field: string; message: string; line?: number }[] }) {
  const { t } = useTranslation('constituents');
  if (errors.length === 0) return null;
  const withLines = errors.some((e) => e.line !== undefined);
  return (
    <Table
      caption={t('exchange.errorsCaption')}
      columns={[
        ...(withLines ? [{ key: 'line', label: t('exchange.columns.line') }] : []),
        { key: 'field', label: t('exchange.columns.field') },
        { key: 'problem', label: t('exchange.columns.problem') },
      ]}
    >
      {errors.map((e, i) => (
        <tr key={`${e.line ?? ''}-${e.field}-${i}`} data-line={e.line}>
          {withLines ? <td className="cell--number cell--tight">{e.line}</td> : null}
          <td>
            <bdi>{e.field}</bdi>
          </td>
          <td>
            <bdi>{e.message}</bdi>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Counts({ counts }: { counts: ReadonlyArray<[string, number]> }) {
  const { t } = useTranslation('constituents');
  return (
    <dl className="exchange-counts" data-testid="import-counts">
      {counts.map(([key, value]) => (
        <div className="exchange-counts__item" key={key} data-count={key}>
          <dt>{t(`exchange.counts.${key}`)}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function verdict(report: { written: boolean; dryRun: boolean; errors: RowError[] }) {
  if (report.dryRun) return report.errors.length > 0 ? 'checkedWithErrors' : 'checked';
  return report.errors.length > 0 ? 'importedValid' : 'imported';
}

function OutcomeView<T extends ImportReport | RirReport>({
  outcome,
  counts,
}: {
  outcome: Outcome<T>;
  counts: (report: T) => ReadonlyArray<[string, number]>;
}) {
  const { t } = useTranslation('constituents');
  if (!outcome) return null;
  if (outcome.kind === 'failed') {
    const error = outcome.error;
    const issues = error instanceof ApiError ? (error.problem.errors ?? []) : [];
    const refused = error instanceof ApiError && error.code === 'validation_failed';
    return (
      <div data-testid="import-outcome">
        <Alert
          tone="error"
          title={refused ? t('exchange.refused') : describeError(t, error).message}
        >
          {refused ? <p>{t('exchange.refusedBody')}</p> : null}
        </Alert>
        <ErrorsTable errors={issues} />
      </div>
    );
  }
  const report = outcome.report;
  const key = verdict(report);
  return (
    <div data-testid="import-outcome">
      <Alert
        tone={key === 'imported' ? 'success' : key === 'checked' ? 'info' : 'warning'}
        title={t(`exchange.verdicts.${key}`)}
      />
      <Counts counts={counts(report)} />
      <ErrorsTable errors={report.errors} />
    </div>
  );
}

function ModeAndDryRun({
  mode,
  setMode,
  dryRun,
  setDryRun,
}: {
  mode: 'all' | 'valid' | null;
  setMode?: (mode: 'all' | 'valid') => void;
  dryRun: boolean;
  setDryRun(value: boolean): void;
}) {
  const { t } = useTranslation('constituents');
  const id = useId();
  return (
    <>
      {mode && setMode ? (
        <fieldset className="exchange-form__modes">
          <legend className="field__label">{t('exchange.file.modeLegend')}</legend>
          {(['all', 'valid'] as const).map((value) => (
            <div className="exchange-form__radio" key={value}>
              <input
                id={`${id}-${value}`}
                type="radio"
                name={`${id}-mode`}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              <label htmlFor={`${id}-${value}`}>{t(`exchange.file.modes.${value}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <Checkbox
        label={t('exchange.dryRun')}
        hint={t('exchange.dryRunHint')}
        checked={dryRun}
        onChange={setDryRun}
      />
    </>
  );
}

function FileImport() {
  const { t } = useTranslation('constituents');
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'all' | 'valid'>('all');
  const [dryRun, setDryRun] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<ImportReport>>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblem(t('exchange.file.noFile'));
    if (!/\.(csv|json)$/i.test(file.name)) return setProblem(t('exchange.file.badType'));
    setProblem(null);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'report', report: await importFile(file, { mode, dryRun }) });
    } catch (error) {
      if (error instanceof SyntaxError) setProblem(t('exchange.file.badJson'));
      else setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  }

  const hint = t('exchange.file.hint');
  return (
    <section className="constituents-section" aria-labelledby="file-heading">
      <h2 id="file-heading">{t('exchange.file.title')}</h2>
      <p>{t('exchange.file.intro')}</p>
      <form className="form exchange-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className={problem ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={fileId}>
            {t('exchange.file.label')}
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
        <ModeAndDryRun mode={mode} setMode={setMode} dryRun={dryRun} setDryRun={setDryRun} />
        <Button type="submit" variant="primary" busy={busy} data-testid="import-submit">
          {t(dryRun ? 'exchange.check' : 'exchange.file.submit')}
        </Button>
      </form>
      <OutcomeView
        outcome={outcome}
        counts={(r) => [
          ['rows', r.rows],
          ['orgsCreated', r.orgsCreated],
          ['contactsAdded', r.contactsAdded],
          ['ownershipAdded', r.ownershipAdded],
          ['duplicates', r.duplicates],
          ['rejected', new Set(r.errors.map((e) => e.line)).size],
        ]}
      />
    </section>
  );
}

function RirImport() {
  const { t } = useTranslation('constituents');
  const [source, setSource] = useState('');
  const [country, setCountry] = useState('');
  const [orgName, setOrgName] = useState('');
  const [sector, setSector] = useState('digital-infrastructure');
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<RirReport>>(null);
  const errors = outcome?.kind === 'failed' ? fieldErrors(outcome.error) : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const report = await importRir({ source, country, orgName, sector, dryRun });
      setOutcome({ kind: 'report', report });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="constituents-section" aria-labelledby="rir-heading">
      <h2 id="rir-heading">{t('exchange.rir.title')}</h2>
      <p>{t('exchange.rir.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('exchange.rir.source')}
          hint={t('exchange.rir.sourceHint')}
          dir="ltr"
          value={source}
          onChange={setSource}
          error={errors.source}
          data-testid="rir-source"
        />
        <div className="constituents-grid">
          <TextField
            label={t('exchange.rir.country')}
            hint={t('exchange.rir.countryHint')}
            value={country}
            onChange={(v) => setCountry(v.toUpperCase())}
            error={errors.country}
            maxLength={2}
            data-testid="rir-country"
          />
          <TextField
            label={t('exchange.rir.orgName')}
            hint={t('exchange.rir.orgNameHint')}
            value={orgName}
            onChange={setOrgName}
            error={errors.orgName}
            data-testid="rir-org"
          />
          <Select
            label={t('common.fields.sector')}
            hint={t('exchange.rir.sectorHint')}
            value={sector}
            onChange={setSector}
            options={sectors.map((s) => ({ value: s, label: t(`common.sectors.${s}`) }))}
          />
        </div>
        <ModeAndDryRun mode={null} dryRun={dryRun} setDryRun={setDryRun} />
        <Button type="submit" variant="primary" busy={busy} data-testid="rir-submit">
          {t(dryRun ? 'exchange.check' : 'exchange.rir.submit')}
        </Button>
      </form>
      <OutcomeView
        outcome={outcome}
        counts={(r) => [
          ['records', r.records],
          ['ipv4', r.ipv4],
          ['ipv6', r.ipv6],
          ['asn', r.asn],
          ['ownershipAdded', r.added],
          ['duplicates', r.duplicates],
        ]}
      />
    </section>
  );
}

/** Bring organisations in from a file, and a country's address space from an RIR file. */
export default function ImportPage() {
  const { t } = useTranslation('constituents');
  const { can } = useAuth();
  useDocumentTitle(t('exchange.title'));
  return (
    <section>
      <ConstituentsNav />
      <PageHeader title={t('exchange.title')} description={t('exchange.intro')} />
      {can('constituents.edit') ? (
        <>
          <FileImport />
          <RirImport />
        </>
      ) : (
        <Alert tone="info" title={t('exchange.readOnly')} />
      )}
    </section>
  );
}
