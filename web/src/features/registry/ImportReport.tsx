import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { Alert, Table } from '../../ui';
import { InvalidJsonFile, type ImportReport as Report } from './exchange';
import type { ImportOutcome } from './ImportForm';

type Tone = 'success' | 'warning' | 'info';

function statusOf(report: Report): { tone: Tone; title: string; key: string } {
  const rejected = report.errors.length > 0;
  if (report.dryRun) {
    return {
      tone: rejected ? 'warning' : 'info',
      title: 'registry.exchange.report.checked',
      key: rejected
        ? 'registry.exchange.report.checkedWithErrors'
        : 'registry.exchange.report.checkedBody',
    };
  }
  if (!report.written) {
    return { tone: 'warning', title: 'registry.exchange.report.notWritten', key: '' };
  }
  return rejected
    ? {
        tone: 'warning',
        title: 'registry.exchange.report.importedValid',
        key: 'registry.exchange.report.importedValidBody',
      }
    : { tone: 'success', title: 'registry.exchange.report.imported', key: '' };
}

function Counts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const rejectedLines = new Set(report.errors.map((e) => e.line)).size;
  const counts: ReadonlyArray<[string, number]> = [
    ['rows', report.rows],
    ['teamsCreated', report.teamsCreated],
    ['factsAdded', report.factsAdded],
    ['duplicates', report.duplicates],
    ['rejected', rejectedLines],
  ];
  return (
    <dl className="exchange-counts" data-testid="import-counts">
      {counts.map(([key, value]) => (
        <div className="exchange-counts__item" key={key} data-count={key}>
          <dt>{t(`registry.exchange.counts.${key}`)}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function RowErrors({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.errors.length === 0) return null;
  return (
    <Table
      caption={t('registry.exchange.report.errorsCaption')}
      columns={[
        { key: 'line', label: t('registry.exchange.columns.line') },
        { key: 'column', label: t('registry.exchange.columns.column') },
        { key: 'problem', label: t('registry.exchange.columns.problem') },
      ]}
    >
      {report.errors.map((error, index) => (
        <tr key={`${error.line}-${error.field}-${index}`} data-line={error.line}>
          <td className="cell--number cell--tight">{formatNumber(error.line)}</td>
          <td>
            <bdi>{error.field}</bdi>
          </td>
          <td>
            <bdi>{error.message}</bdi>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The 422 of mode=all: nothing written; the problem lists every bad row and column. */
function Refused({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const issues = error.problem.errors ?? [];
  return (
    <>
      <Alert tone="error" title={t('registry.exchange.report.refused')}>
        <p>{t('registry.exchange.report.refusedBody')}</p>
      </Alert>
      {issues.length > 0 ? (
        <Table
          caption={t('registry.exchange.report.errorsCaption')}
          columns={[
            { key: 'field', label: t('registry.exchange.columns.field') },
            { key: 'problem', label: t('registry.exchange.columns.problem') },
          ]}
        >
          {issues.map((issue, index) => (
            <tr key={`${issue.field}-${index}`}>
              <td>
                <bdi>{issue.field}</bdi>
              </td>
              <td>
                <bdi>{issue.message}</bdi>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </>
  );
}

function failure(t: TFunction, error: unknown) {
  if (error instanceof InvalidJsonFile)
    return { message: t('registry.exchange.import.invalidJson'), details: [] };
  const described = describeError(t, error);
  const detail = error instanceof ApiError ? error.problem.detail : undefined;
  const serverLine = detail ? t('errors.serverDetail', { detail }) : null;
  if (serverLine && !described.details.includes(serverLine)) described.details.push(serverLine);
  return described;
}

/** What the server answered to an import: counts and rejected rows, or why nothing happened. */
export function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  let body;
  if (outcome.kind === 'report') {
    const status = statusOf(outcome.report);
    body = (
      <>
        <Alert tone={status.tone} title={t(status.title)}>
          {status.key ? <p>{t(status.key)}</p> : null}
        </Alert>
        <Counts report={outcome.report} />
        <RowErrors report={outcome.report} />
      </>
    );
  } else if (
    outcome.error instanceof ApiError &&
    outcome.error.status === 422 &&
    outcome.error.code === 'validation_failed'
  ) {
    body = <Refused error={outcome.error} />;
  } else {
    const { message, details } = failure(t, outcome.error);
    body = (
      <Alert tone="error" title={message}>
        {details.length > 0 ? (
          <ul className="exchange-details">
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  }
  return (
    <section
      className="exchange-report"
      aria-labelledby="import-report-heading"
      data-testid="import-report"
    >
      <h3 id="import-report-heading" className="exchange-report__title">
        {t('registry.exchange.report.title')}
      </h3>
      {body}
    </section>
  );
}
