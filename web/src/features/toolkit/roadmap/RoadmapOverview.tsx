import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import { Alert, Badge, Button } from '../../../ui';
import { generateRoadmap, type GenerateResult, type Roadmap } from './api';
import { Meter } from './Meter';

interface RoadmapOverviewProps {
  projectId: string;
  roadmap: Roadmap;
  base: string;
  canEdit: boolean;
  onGenerated(): void;
}

/** How far the plan is, phase by phase, and the button that turns new gaps into tasks. */
export function RoadmapOverview({
  projectId,
  roadmap,
  base,
  canEdit,
  onGenerated,
}: RoadmapOverviewProps) {
  const { t } = useTranslation('toolkit');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GenerateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { progress, sources, untracked } = roadmap;
  const n = formatNumber;

  async function generate() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await generateRoadmap(projectId));
      onGenerated();
    } catch (e) {
      setError(describeError(t, e).message);
    } finally {
      setBusy(false);
    }
  }

  const source = (kind: 'readiness' | 'sim3') => {
    const ref = sources[kind];
    return ref ? (
      <>
        <Link to={`${base}/${kind}/${encodeURIComponent(ref.id)}`}>
          <bdi>{ref.title}</bdi>
        </Link>{' '}
        ({t(`roadmap.assessmentStatus.${ref.status}`)})
      </>
    ) : (
      <>
        {t('roadmap.sources.none')} <Link to={`${base}/${kind}`}>{t('roadmap.sources.start')}</Link>
      </>
    );
  };

  return (
    <div className="roadmap-overview">
      <section className="roadmap-card roadmap-progress" aria-labelledby="roadmap-progress-title">
        <h2 id="roadmap-progress-title" className="roadmap-card__title">
          {t('roadmap.progress.title')}
        </h2>
        <Meter percent={progress.percent} large />
        <p className="roadmap-progress__done" data-testid="roadmap-done">
          {t('roadmap.progress.done', { done: n(progress.done), total: n(progress.total) })}
        </p>
        <ol className="roadmap-phases">
          {progress.byPhase.map((p, i) => (
            <li key={p.phase} className="roadmap-phases__item">
              <span className="roadmap-phases__name">
                <span className="roadmap-phases__number" aria-hidden="true">
                  {n(i + 1)}
                </span>
                {t(`roadmap.phase.${p.phase}`)}
              </span>
              <Meter percent={p.percent} />
              <span className="roadmap-phases__count">
                {p.total
                  ? t('roadmap.progress.phaseDone', { done: n(p.done), total: n(p.total) })
                  : t('roadmap.progress.noTasks')}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className="roadmap-card roadmap-generate" aria-labelledby="roadmap-generate-title">
        <h2 id="roadmap-generate-title" className="roadmap-card__title">
          {t('roadmap.generate.title')}
        </h2>
        <dl className="roadmap-sources">
          <div>
            <dt>{t('roadmap.sources.readiness')}</dt>
            <dd>{source('readiness')}</dd>
          </div>
          <div>
            <dt>{t('roadmap.sources.sim3')}</dt>
            <dd>{source('sim3')}</dd>
          </div>
          <div>
            <dt>{t('roadmap.sources.services')}</dt>
            <dd>
              {n(sources.services)}{' '}
              <Link to={`${base}/services`}>{t('roadmap.sources.choose')}</Link>
            </dd>
          </div>
        </dl>
        <p className="roadmap-generate__untracked" data-testid="roadmap-untracked">
          {untracked > 0 ? (
            <Badge tone="warning">
              {t('roadmap.generate.untracked', { number: n(untracked) })}
            </Badge>
          ) : (
            t('roadmap.generate.allTracked')
          )}
        </p>
        {canEdit ? (
          <Button
            variant={untracked > 0 ? 'primary' : 'secondary'}
            busy={busy}
            onClick={() => void generate()}
            data-testid="roadmap-generate"
          >
            {t('roadmap.generate.button')}
          </Button>
        ) : null}
        <p className="roadmap-generate__hint">{t('roadmap.generate.hint')}</p>
        {error ? <Alert tone="error" title={error} /> : null}
        {result ? (
          <Alert tone="success" title={t('roadmap.generate.doneTitle')} testId="roadmap-generated">
            <ul className="roadmap-generate__result">
              <li>{t('roadmap.generate.added', { number: n(result.added) })}</li>
              <li>{t('roadmap.generate.closed', { number: n(result.closed) })}</li>
              {result.reopened ? (
                <li>{t('roadmap.generate.reopened', { number: n(result.reopened) })}</li>
              ) : null}
              <li>{t('roadmap.generate.gaps', { number: n(result.gaps) })}</li>
            </ul>
          </Alert>
        ) : null}
      </section>
    </div>
  );
}
