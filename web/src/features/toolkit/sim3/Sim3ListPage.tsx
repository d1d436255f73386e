import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Badge, Button, EmptyState, Loading, PageHeader, Table } from '../../../ui';
import '../../../ui/theme-toolkit.css';
import '../../../ui/theme-toolkit-sim3.css';
import { getSim3Content, type Tiers } from '../content';
import { useProject } from '../projects/ProjectContext';
import { listSim3, sim3Path, type QuadrantId, type Sim3ListItem } from './api';
import { ComparePanel } from './ComparePanel';
import { formatCount, formatDay, formatMean } from './format';
import { TierBadge } from './Sim3Summary';
import { TrendChart } from './TrendChart';
import { useStartSim3 } from './useStartSim3';

const quadrantIds: readonly QuadrantId[] = ['O', 'H', 'T', 'P'];
const level = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : formatMean(v);

function AssessmentTable(props: {
  items: Sim3ListItem[];
  tiers: Tiers | null;
  quadrantTitle(id: QuadrantId): string;
  canStart: boolean;
  busy: boolean;
  onReassess(id: string): void;
}) {
  const { t } = useTranslation('toolkit');
  const { project } = useProject();
  return (
    <Table
      caption={t('sim3.list.tableCaption')}
      captionHidden
      columns={[
        { key: 'title', label: t('sim3.list.columns.assessment') },
        { key: 'status', label: t('sim3.list.columns.status') },
        { key: 'date', label: t('sim3.list.columns.date') },
        { key: 'tier', label: t('sim3.list.columns.tier') },
        { key: 'mean', label: t('sim3.list.columns.mean') },
        ...quadrantIds.map((q) => ({
          key: q,
          label: (
            <abbr title={props.quadrantTitle(q)} className="sim3-abbr">
              {q}
            </abbr>
          ),
        })),
        { key: 'assessed', label: t('sim3.list.columns.assessed') },
        { key: 'actions', label: t('sim3.list.columns.actions'), visuallyHidden: true },
      ]}
    >
      {props.items.map((item) => (
        <tr key={item.id} data-assessment={item.id}>
          <th scope="row">
            <Link to={sim3Path(project.id, item.id)}>{item.title}</Link>
          </th>
          <td>
            <Badge tone={item.status === 'final' ? 'success' : 'neutral'}>
              {t(`sim3.status.${item.status}`)}
            </Badge>
          </td>
          <td className="sim3-nowrap">{formatDay(item.finalisedAt ?? item.createdAt)}</td>
          <td>
            <TierBadge tiers={props.tiers} tierId={item.summary.tier} />
          </td>
          <td className="sim3-num">{level(item.summary.mean)}</td>
          {quadrantIds.map((q) => (
            <td key={q} className="sim3-num">
              <span className="visually-hidden">{props.quadrantTitle(q)} </span>
              {level(item.summary.quadrants.find((x) => x.quadrantId === q)?.mean)}
            </td>
          ))}
          <td className="sim3-num">
            {t('sim3.summary.assessedValue', {
              assessed: formatCount(item.summary.assessed),
              total: formatCount(item.summary.parameters),
            })}
          </td>
          <td>
            {item.status === 'final' && props.canStart ? (
              <Button
                variant="quiet"
                busy={props.busy}
                onClick={() => props.onReassess(item.id)}
                data-testid={`reassess-${item.id}`}
              >
                {t('sim3.list.reassess')}
                <span className="visually-hidden"> {item.title}</span>
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/**
 * Every SIM3 self-assessment of the project, oldest first: the tier and means of each, the
 * change over time, two of them compared parameter by parameter, and starting the next one.
 */
export default function Sim3ListPage() {
  const { t } = useTranslation('toolkit');
  const { project, access } = useProject();
  const list = useResource(() => listSim3(project.id), [project.id]);
  const lang = currentLocale();
  const content = useResource(() => getSim3Content(lang), [lang]);
  const [search, setSearch] = useSearchParams();
  const { start, busy, error } = useStartSim3(project.id);
  useDocumentTitle(t('sim3.list.title'));

  const items = list.data?.items ?? [];
  const model = content.data?.model ?? null;
  const quadrantTitle = (id: QuadrantId) => model?.quadrants.find((q) => q.id === id)?.title ?? id;
  const ids = items.map((i) => i.id);
  const pick = (key: 'a' | 'b', fallback: string | undefined) => {
    const value = search.get(key);
    return value && ids.includes(value) ? value : (fallback ?? '');
  };
  const a = pick('a', items[items.length - 2]?.id);
  const b = pick('b', items[items.length - 1]?.id);
  const latestFinal = [...items].reverse().find((i) => i.status === 'final');

  return (
    <section className="sim3-page">
      <PageHeader
        title={t('sim3.list.title')}
        description={t('sim3.list.intro')}
        actions={
          access.canEdit && items.length > 0 ? (
            <>
              {latestFinal ? (
                <Button
                  variant="primary"
                  busy={busy}
                  onClick={() => void start(latestFinal.id)}
                  data-testid="sim3-reassess-latest"
                >
                  {t('sim3.list.reassessLatest')}
                </Button>
              ) : null}
              <Button
                variant={latestFinal ? 'secondary' : 'primary'}
                busy={busy}
                onClick={() => void start()}
                data-testid="sim3-start"
              >
                {t('sim3.list.start')}
              </Button>
            </>
          ) : null
        }
      />
      {error ? <Alert tone="error" title={error} /> : null}
      {list.status === 'failed' && !list.data ? (
        <Alert tone="error" title={describeError(t, list.error).message} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('sim3.list.emptyTitle')}>
          <p>{t('sim3.list.emptyText')}</p>
          {access.canEdit ? (
            <Button
              variant="primary"
              busy={busy}
              onClick={() => void start()}
              data-testid="sim3-start"
            >
              {t('sim3.list.start')}
            </Button>
          ) : (
            <p>{t('sim3.list.emptyReader')}</p>
          )}
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="sim3-list-heading">
            <h2 className="section-title" id="sim3-list-heading">
              {t('sim3.list.assessments')}
            </h2>
            <AssessmentTable
              items={items}
              tiers={content.data?.tiers ?? null}
              quadrantTitle={quadrantTitle}
              canStart={access.canEdit}
              busy={busy}
              onReassess={(id) => void start(id)}
            />
          </section>
          <section aria-labelledby="sim3-trend-heading">
            <h2 className="section-title" id="sim3-trend-heading">
              {t('sim3.trend.title')}
            </h2>
            {items.length < 2 ? <p className="muted">{t('sim3.trend.one')}</p> : null}
            <TrendChart items={items} model={model} tiers={content.data?.tiers ?? null} />
          </section>
          <section aria-labelledby="sim3-compare-heading">
            <h2 className="section-title" id="sim3-compare-heading">
              {t('sim3.compare.title')}
            </h2>
            {items.length < 2 ? (
              <p className="muted">{t('sim3.compare.needTwo')}</p>
            ) : (
              <ComparePanel
                projectId={project.id}
                items={items}
                a={a}
                b={b}
                onChoose={(nextA, nextB) =>
                  setSearch({ a: nextA, b: nextB }, { replace: true, preventScrollReset: true })
                }
              />
            )}
          </section>
        </>
      )}
    </section>
  );
}
