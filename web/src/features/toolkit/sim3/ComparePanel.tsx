import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Checkbox, Loading, Select } from '../../../ui';
import { getSim3Content, type Sim3Model, type Tiers } from '../content';
import { compareSim3, type ComparedSide, type ParameterChange, type Sim3ListItem } from './api';
import { formatCount, formatDay, formatDelta, formatMean, isolate } from './format';
import { RadarChart } from './RadarChart';
import { TierBadge } from './Sim3Summary';

interface ComparePanelProps {
  projectId: string;
  items: Sim3ListItem[];
  a: string;
  b: string;
  onChoose(a: string, b: string): void;
}

/** A change in words and with an arrow whose colour only repeats what the words say. */
function Delta({ change }: { change: ParameterChange }) {
  const { t } = useTranslation('toolkit');
  const { delta } = change;
  if (delta === null)
    return <span className="sim3-delta sim3-delta--none">{t('sim3.compare.notComparable')}</span>;
  if (delta === 0)
    return (
      <span className="sim3-delta sim3-delta--same">
        <span aria-hidden="true">= </span>
        {t('sim3.compare.unchanged')}
      </span>
    );
  const up = delta > 0;
  return (
    <span className={up ? 'sim3-delta sim3-delta--up' : 'sim3-delta sim3-delta--down'}>
      <span aria-hidden="true">{up ? '▲' : '▼'} </span>
      {t(up ? 'sim3.compare.improved' : 'sim3.compare.worsened', {
        delta: isolate(formatDelta(delta)),
      })}
    </span>
  );
}

function Side({ side, tiers, letter }: { side: ComparedSide; tiers: Tiers; letter: string }) {
  const { t } = useTranslation('toolkit');
  return (
    <div className="sim3-compare__side">
      <p className="sim3-compare__letter">{letter}</p>
      <p className="sim3-compare__title">
        <bdi>{side.title}</bdi>
      </p>
      <p className="muted">
        {t(`sim3.status.${side.status}`)} ·{' '}
        <bdi>{formatDay(side.finalisedAt ?? side.createdAt)}</bdi>
      </p>
      <p>
        <TierBadge tiers={tiers} tierId={side.tier} />{' '}
        {t('sim3.compare.mean', { mean: side.mean === null ? '–' : formatMean(side.mean) })}
      </p>
    </div>
  );
}

/**
 * Two assessments side by side: the tier and mean of each, how many parameters went up or
 * down, the two radars overlaid per quadrant, and every parameter with its level before and
 * after and the change.
 */
export function ComparePanel({ projectId, items, a, b, onChoose }: ComparePanelProps) {
  const { t } = useTranslation('toolkit');
  const lang = currentLocale();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const same = a === b;
  const comparison = useResource(
    () => (same ? Promise.resolve(null) : compareSim3(projectId, a, b)),
    [projectId, a, b],
  );
  const version = items.find((i) => i.id === b)?.contentVersion;
  const content = useResource(() => getSim3Content(lang, version), [lang, version]);
  const options = items.map((item) => ({
    value: item.id,
    label: t('sim3.compare.option', {
      title: item.title,
      status: t(`sim3.status.${item.status}`),
      day: formatDay(item.finalisedAt ?? item.createdAt),
    }),
  }));

  const data = comparison.data;
  const model: Sim3Model | undefined = content.data?.model;
  const tiers: Tiers | undefined = content.data?.tiers;
  const changes = new Map((data?.changes ?? []).map((c) => [c.parameter, c]));

  return (
    <div className="sim3-compare">
      <div className="sim3-compare__pick">
        <Select
          label={t('sim3.compare.a')}
          value={a}
          options={options}
          onChange={(value) => onChoose(value, b)}
          data-testid="compare-a"
        />
        <Select
          label={t('sim3.compare.b')}
          value={b}
          options={options}
          onChange={(value) => onChoose(a, value)}
          data-testid="compare-b"
        />
      </div>
      {same ? (
        <Alert tone="info" title={t('sim3.compare.same')} />
      ) : comparison.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, comparison.error).message} />
      ) : !data || !model || !tiers || data.a.id !== a || data.b.id !== b ? (
        <Loading />
      ) : (
        <div data-testid="sim3-comparison">
          <div className="sim3-compare__sides">
            <Side side={data.a} tiers={tiers} letter={t('sim3.compare.letterA')} />
            <Side side={data.b} tiers={tiers} letter={t('sim3.compare.letterB')} />
            <dl className="sim3-compare__counts">
              <div>
                <dt>{t('sim3.compare.improvedCount')}</dt>
                <dd data-testid="compare-improved">{formatCount(data.improved)}</dd>
              </div>
              <div>
                <dt>{t('sim3.compare.worsenedCount')}</dt>
                <dd data-testid="compare-worsened">{formatCount(data.worsened)}</dd>
              </div>
              <div>
                <dt>{t('sim3.compare.unchangedCount')}</dt>
                <dd>{formatCount(data.unchanged)}</dd>
              </div>
            </dl>
          </div>
          <div className="sim3-compare__radars">
            {model.quadrants.map((q) => (
              <RadarChart
                key={q.id}
                size={300}
                title={q.title}
                axes={q.parameters.map((p) => ({
                  id: p.id,
                  label: `${p.id} ${p.name}`,
                  value: changes.get(p.id)?.after ?? null,
                }))}
                compare={q.parameters.map((p) => changes.get(p.id)?.before ?? null)}
                valueLabel={t('sim3.compare.seriesB', { title: data.b.title })}
                compareLabel={t('sim3.compare.seriesA', { title: data.a.title })}
                testId={`compare-radar-${q.id}`}
              />
            ))}
          </div>
          <Checkbox
            label={t('sim3.compare.onlyChanged')}
            checked={onlyChanged}
            onChange={setOnlyChanged}
          />
          {model.quadrants.map((q) => {
            const rows = q.parameters.filter(
              (p) => !onlyChanged || (changes.get(p.id)?.delta ?? 0) !== 0,
            );
            if (rows.length === 0) return null;
            return (
              <div
                key={q.id}
                className="table-wrap"
                role="region"
                aria-label={q.title}
                tabIndex={0}
              >
                <table className="table sim3-compare__table">
                  <caption className="table__caption">{q.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('sim3.tiers.parameter')}</th>
                      <th scope="col">{t('sim3.compare.before', { title: data.a.title })}</th>
                      <th scope="col">{t('sim3.compare.after', { title: data.b.title })}</th>
                      <th scope="col">{t('sim3.compare.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => {
                      const c = changes.get(p.id) ?? {
                        parameter: p.id,
                        before: null,
                        after: null,
                        delta: null,
                      };
                      return (
                        <tr key={p.id} data-parameter={p.id} data-delta={c.delta ?? ''}>
                          <th scope="row">
                            <span className="sim3-param__id">{p.id}</span> {p.name}
                          </th>
                          <td>
                            {c.before === null ? t('sim3.level.none') : formatCount(c.before)}
                          </td>
                          <td>{c.after === null ? t('sim3.level.none') : formatCount(c.after)}</td>
                          <td>
                            <Delta change={c} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
