import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, Loading, PageHeader, Table } from '../../ui';
import { AsOfField } from './AsOfField';
import { listNeeds, needsCsvUrl } from './api';
import { ContributionBar } from './ContributionBar';
import { formatDecimal, formatPartialDate } from './format';
import { needFactors, type Weights } from './types';
import { asOfQuery, useAsOf } from './useAsOf';
import { WeightsPanel, weightProblem, type WeightDraft } from './WeightsPanel';

const debounceMs = 400;

const toDraft = (weights: Weights): WeightDraft =>
  Object.fromEntries(needFactors.map((f) => [f, String(weights[f])])) as WeightDraft;

export default function NeedsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [asOf, setAsOf] = useAsOf();
  // `weights` is what the ranking was asked for; `draft` is what the inputs say while typing.
  const [weights, setWeights] = useState<Partial<Weights>>({});
  const [draft, setDraft] = useState<WeightDraft | null>(null);
  const needs = useResource(() => listNeeds(asOf, locale, weights), [asOf, locale, weights]);
  useDocumentTitle(t('registry.needs.title'));

  const data = needs.data;
  useEffect(() => {
    if (data && draft === null) setDraft(toDraft(data.weights));
  }, [data, draft]);

  useEffect(() => {
    if (!draft || needFactors.some((f) => weightProblem(draft[f]))) return;
    const next = Object.fromEntries(needFactors.map((f) => [f, Number(draft[f])])) as Weights;
    if (needFactors.every((f) => weights[f] === next[f])) return;
    const timer = setTimeout(() => setWeights(next), debounceMs);
    return () => clearTimeout(timer);
  }, [draft, weights]);

  const max = data ? needFactors.reduce((sum, f) => sum + data.weights[f], 0) : 0;
  return (
    <section>
      <PageHeader title={t('registry.needs.title')} description={t('registry.needs.intro')} />
      <div className="needs-layout">
        <div className="needs-layout__main">
          <div className="filters needs-filters">
            <AsOfField value={asOf} onChange={setAsOf} />
          </div>
          {needs.status === 'failed' ? (
            <Alert tone="error" title={describeError(t, needs.error).message} />
          ) : null}
          {!data ? (
            <Loading />
          ) : (
            <div aria-busy={needs.status === 'loading'}>
              <p className="result-count" role="status">
                {t('registry.needs.count', {
                  count: formatNumber(data.items.length),
                  date: formatPartialDate(data.asOf),
                })}
              </p>
              <Table
                caption={t('registry.needs.caption')}
                columns={[
                  { key: 'rank', label: t('registry.needs.columns.rank') },
                  { key: 'country', label: t('registry.needs.columns.country') },
                  { key: 'score', label: t('registry.needs.columns.score') },
                  { key: 'factors', label: t('registry.needs.columns.factors') },
                ]}
              >
                {data.items.map((item) => (
                  <tr key={item.iso3} data-iso3={item.iso3}>
                    <td className="cell--number cell--tight">{formatNumber(item.rank)}</td>
                    <th scope="row">
                      <Link to={`/registry/countries/${item.iso3}${asOfQuery(asOf)}`}>
                        {item.name}
                      </Link>
                    </th>
                    <td className="cell--number">{formatDecimal(item.score)}</td>
                    <td className="cell--bar">
                      <ContributionBar contributions={item.contributions} max={max} />
                    </td>
                  </tr>
                ))}
              </Table>
            </div>
          )}
        </div>
        {draft && data ? (
          <WeightsPanel
            draft={draft}
            onChange={setDraft}
            onReset={() => {
              setDraft(toDraft(data.defaults));
              setWeights(data.defaults);
            }}
            csvUrl={needsCsvUrl(asOf, locale, data.weights)}
          />
        ) : null}
      </div>
    </section>
  );
}
