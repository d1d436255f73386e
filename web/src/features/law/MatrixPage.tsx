import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, EmptyState, Loading, PageHeader, Select } from '../../ui';
import { getMatrix, matrixUrl } from './api';
import { ExportLinks } from './components/ExportLinks';
import { LawNav } from './components/LawNav';
import { StateLegend, StateMark } from './components/marks';
import { formatPercent } from './format';
import {
  readKind,
  readSelection,
  selectionParams,
  selectionValues,
  type Selection,
} from './selection';
import { heatStep } from './states';
import { selectionKinds, type MatrixReport, type SelectionKind } from './types';

/** A region, organisation or group by its name in the interface language. */
function selectionLabel(t: TFunction, kind: SelectionKind, id: string): string {
  if (kind === 'region') return t(`registry.region.${id}`);
  return t(`registry.${kind}Option`, { code: id, name: t(`registry.${kind}.${id}`) });
}

function Controls({ kind, selection }: { kind: SelectionKind; selection: Selection | null }) {
  const { t } = useTranslation('law');
  const [, setParams] = useSearchParams();
  return (
    <form
      className="filters law-matrix-controls"
      aria-label={t('matrix.controls')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Select
        label={t('matrix.kind')}
        value={kind}
        onChange={(value) => setParams({ kind: value }, { replace: true })}
        options={selectionKinds.map((k) => ({ value: k, label: t(`matrix.kinds.${k}`) }))}
        data-testid="matrix-kind"
      />
      <Select
        label={t(`matrix.kinds.${kind}`)}
        value={selection?.kind === kind ? selection.id : ''}
        onChange={(id) =>
          setParams(id ? selectionParams({ kind, id }) : { kind }, { replace: true })
        }
        options={[
          { value: '', label: t('matrix.choose') },
          ...selectionValues[kind].map((id) => ({ value: id, label: selectionLabel(t, kind, id) })),
        ]}
        data-testid="matrix-value"
      />
    </form>
  );
}

function HeatMap({ report }: { report: MatrixReport }) {
  const { t } = useTranslation('law');
  const titles = new Map(report.categories.map((c) => [c.id, c.title]));
  const groups = report.categories
    .map((c) => ({ id: c.id, rows: report.rows.filter((r) => r.category === c.id) }))
    .filter((g) => g.rows.length > 0);
  const width = report.countries.length + 2;
  return (
    <div
      className="table-wrap law-heat-wrap"
      role="region"
      aria-labelledby="matrix-caption"
      tabIndex={0}
    >
      <table className="table law-heat" data-testid="matrix-table">
        <caption id="matrix-caption" className="table__caption">
          {t('matrix.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="law-heat__provision">
              {t('matrix.columns.provision')}
            </th>
            {report.countries.map((c) => (
              <th key={c.iso3} scope="col" className="law-heat__country" data-iso3={c.iso3}>
                <Link to={`/law/countries/${c.iso3}`} title={c.name}>
                  <span aria-hidden="true">{c.iso3}</span>
                  <span className="visually-hidden">{c.name}</span>
                </Link>
              </th>
            ))}
            <th scope="col" className="law-heat__share">
              {t('matrix.columns.share')}
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.id} data-category={group.id}>
            <tr className="law-table__group">
              <th scope="colgroup" colSpan={width}>
                {titles.get(group.id) ?? group.id}
              </th>
            </tr>
            {group.rows.map((row) => {
              const step = heatStep(row.share);
              return (
                <tr key={row.provision} data-provision={row.provision}>
                  <th scope="row" className="law-heat__provision">
                    <Link to={`/law/provisions/${row.provision}`}>
                      <span className="law-id">{row.provision}</span> {row.title}
                    </Link>
                  </th>
                  {row.states.map((state, i) => (
                    <td
                      key={report.countries[i]!.iso3}
                      className={`law-heat__cell law-heat__cell--${state}`}
                      data-state={state}
                    >
                      <StateMark state={state} compact />
                    </td>
                  ))}
                  <td
                    className={`law-heat__share law-share${step === null ? '' : ` law-share--${step}`}`}
                    data-share={row.share ?? ''}
                  >
                    {formatPercent(row.share)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row">{t('matrix.columns.coverage')}</th>
            {report.countries.map((c) => (
              <td key={c.iso3} className="law-heat__total" data-iso3={c.iso3}>
                {formatPercent(c.percent)}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Provisions by countries of a region, organisation or group, as a heat map with shares. */
export default function MatrixPage() {
  const { t } = useTranslation('law');
  const [params] = useSearchParams();
  const selection = readSelection(params);
  const kind = readKind(params);
  const locale = currentLocale();
  const matrix = useResource(
    () => (selection ? getMatrix({ ...selection, lang: locale }) : Promise.resolve(null)),
    [selection?.kind, selection?.id, locale],
  );
  useDocumentTitle(t('matrix.title'));
  const data = selection && matrix.data?.selection.id === selection.id ? matrix.data : null;
  const assessed = data?.countries.filter((c) => c.assessed > 0).length ?? 0;

  return (
    <section>
      <LawNav />
      <PageHeader title={t('matrix.title')} description={t('matrix.intro')} />
      <Controls kind={kind} selection={selection} />
      {!selection ? (
        <EmptyState title={t('matrix.none')}>
          <p>{t('matrix.noneBody')}</p>
        </EmptyState>
      ) : matrix.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, matrix.error).message} />
      ) : !data ? (
        <Loading />
      ) : (
        <div aria-busy={matrix.status === 'loading'}>
          <p className="result-count" data-testid="matrix-summary">
            {t('matrix.summary', {
              selection: selectionLabel(t, selection.kind, selection.id),
              count: formatNumber(data.countries.length),
              assessed: formatNumber(assessed),
            })}
          </p>
          {data.countries.length === 0 ? (
            <EmptyState title={t('matrix.noCountries')} />
          ) : (
            <>
              <div className="law-matrix-legend">
                <StateLegend />
                <p className="muted law-measure">{t('matrix.shareNote')}</p>
              </div>
              <HeatMap report={data} />
            </>
          )}
          <ExportLinks
            intro={t('matrix.exportIntro')}
            urlFor={(format, lang) => matrixUrl(format, { ...selection, lang })}
          />
        </div>
      )}
    </section>
  );
}
