import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../app/format';
import { currentLocale } from '../../i18n';
import { Table } from '../../ui';
import { formatPartialDate, formatPercent } from './format';
import type { ProgressReport } from './report';
import { asOfQuery } from './useAsOf';

/** A change such as "+46" or "−3.2", signed in the reader's language (no sign for zero). */
export function formatChange(value: number, digits = 0): string {
  return new Intl.NumberFormat(currentLocale(), {
    signDisplay: 'exceptZero',
    maximumFractionDigits: digits,
  }).format(value);
}

/** A change of share (0 to 1) in percentage points, to one decimal. */
const points = (share: number) => formatChange(share * 100, 1);

/** The three headline figures: Member States, those with a national CIRT, and the change. */
export function ReportSummary({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const { asOf, compareTo, change } = report.overall;
  return (
    <dl className="report-figures" data-testid="report-summary">
      <div className="report-figure">
        <dt className="report-figure__label">{t('registry.report.members')}</dt>
        <dd className="report-figure__value" data-testid="report-total">
          {formatNumber(asOf.total)}
        </dd>
        <dd className="report-figure__note">
          {t('registry.report.onDate', { date: formatPartialDate(report.asOf) })}
        </dd>
      </div>
      <div className="report-figure">
        <dt className="report-figure__label">{t('registry.report.withNational')}</dt>
        <dd className="report-figure__value" data-testid="report-national">
          {formatNumber(asOf.national)}
        </dd>
        <dd className="report-figure__note">
          {t('registry.report.shareOfMembers', { share: formatPercent(asOf.share, 1) })}
        </dd>
      </div>
      <div className="report-figure">
        <dt className="report-figure__label">
          {t('registry.report.changeSince', { date: formatPartialDate(report.compareTo) })}
        </dt>
        <dd className="report-figure__value" data-testid="report-change">
          {formatChange(change.national)}
        </dd>
        <dd className="report-figure__note">
          {t('registry.report.changeShare', {
            points: points(change.share),
            from: formatPercent(compareTo.share, 1),
            to: formatPercent(asOf.share, 1),
          })}
        </dd>
      </div>
    </dl>
  );
}

/** Coverage by ITU-D region, on the report's day and on the comparison day. */
export function RegionTable({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={t('registry.report.regionCaption')}
      columns={[
        { key: 'region', label: t('registry.report.columns.region') },
        { key: 'national', label: t('registry.report.columns.nationalOfTotal') },
        {
          key: 'asOf',
          label: t('registry.report.columns.shareOn', { date: formatPartialDate(report.asOf) }),
        },
        {
          key: 'compareTo',
          label: t('registry.report.columns.shareOn', {
            date: formatPartialDate(report.compareTo),
          }),
        },
        { key: 'change', label: t('registry.report.columns.change') },
      ]}
    >
      {report.byRegion.map((row) => (
        <tr key={row.key} data-region={row.key}>
          <th scope="row">{t(`registry.region.${row.key}`, { defaultValue: row.key })}</th>
          <td className="cell--number">
            {t('registry.report.ofTotal', {
              national: formatNumber(row.asOf.national),
              total: formatNumber(row.asOf.total),
            })}
          </td>
          <td className="cell--number">{formatPercent(row.asOf.share, 1)}</td>
          <td className="cell--number">{formatPercent(row.compareTo.share, 1)}</td>
          <td className="cell--number">{points(row.asOf.share - row.compareTo.share)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** National CIRTs established between the comparison day and the report's day. */
export function NewCirts({ report, asOf }: { report: ProgressReport; asOf: string }) {
  const { t } = useTranslation();
  const period = {
    from: formatPartialDate(report.compareTo),
    to: formatPartialDate(report.asOf),
  };
  // Part of the change may predate the period: say so, next to the list it qualifies.
  const unknown =
    report.unknownToNational.length > 0 ? (
      <p className="report-empty" data-testid="report-unknown-to-national">
        {t('registry.report.unknownToNational', {
          number: formatNumber(report.unknownToNational.length),
          from: period.from,
        })}
      </p>
    ) : null;
  if (report.newCirts.length === 0)
    return (
      <>
        <p className="report-empty">{t('registry.report.noNewCirts', period)}</p>
        {unknown}
      </>
    );
  return (
    <>
      <Table
        caption={t('registry.report.newCaption', {
          ...period,
          number: formatNumber(report.newCirts.length),
        })}
        columns={[
          { key: 'country', label: t('registry.report.columns.country') },
          { key: 'team', label: t('registry.report.columns.team') },
          { key: 'established', label: t('registry.report.columns.established') },
        ]}
      >
        {report.newCirts.map((cirt) => (
          <tr key={cirt.teamId} data-iso3={cirt.iso3}>
            <th scope="row">
              <Link to={`/registry/countries/${cirt.iso3}${asOfQuery(asOf)}`}>{cirt.country}</Link>
            </th>
            <td>{cirt.name}</td>
            <td>{formatPartialDate(cirt.established)}</td>
          </tr>
        ))}
      </Table>
      {unknown}
    </>
  );
}

/** Teams' own reports received over federation, beside what the registry records. */
export function SelfReported({ report, asOf }: { report: ProgressReport; asOf: string }) {
  const { t } = useTranslation();
  if (report.selfReported.length === 0) return null;
  return (
    <section aria-labelledby="report-self-heading" data-testid="report-self-reported">
      <h2 id="report-self-heading" className="section-title">
        {t('registry.report.self.title')}
      </h2>
      <p className="muted">{t('registry.report.self.intro')}</p>
      <Table
        caption={t('registry.report.self.caption')}
        captionHidden
        columns={[
          { key: 'country', label: t('registry.report.columns.country') },
          { key: 'team', label: t('registry.report.columns.team') },
          { key: 'reported', label: t('registry.report.self.reported') },
          { key: 'registry', label: t('registry.report.self.registry') },
          { key: 'from', label: t('registry.report.self.receivedFrom') },
        ]}
      >
        {report.selfReported.map((r) => (
          <tr key={`${r.iso3}-${r.team}`} data-iso3={r.iso3} data-agrees={String(r.agrees)}>
            <th scope="row">
              <Link to={`/registry/countries/${r.iso3}${asOfQuery(asOf)}`}>{r.iso3}</Link>
            </th>
            <td>{r.team}</td>
            <td>
              {t('registry.report.self.reportedValue', {
                type: t(`registry.teamType.${r.teamType}`),
                status: t(`registry.report.self.statuses.${r.status}`),
              })}
              {r.maturity ? (
                <div className="muted">
                  {t('registry.report.self.sim3', {
                    tier: t(`registry.maturity.${r.maturity.tier}`),
                    date: r.maturity.assessedOn,
                  })}
                </div>
              ) : null}
            </td>
            <td>
              {t(`registry.status.${r.registryStatus}`)}{' '}
              <strong className={r.agrees ? 'report-agrees' : 'report-differs'}>
                {r.agrees ? t('registry.report.self.agrees') : t('registry.report.self.differs')}
              </strong>
            </td>
            <td>
              {r.receivedFrom}
              <div className="muted">{formatDateTime(r.receivedAt)}</div>
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
