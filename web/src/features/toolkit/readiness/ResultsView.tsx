import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table } from '../../../ui';
import type { Questionnaire } from '../content';
import { phases } from '../types';
import type { Gap, ReadinessAnswers, ReadinessResult } from './api';
import { formatCount, formatScore, levelOf } from './format';
import { ScoreBar } from './ScoreBar';

interface ResultsViewProps {
  questionnaire: Questionnaire;
  answers: ReadinessAnswers;
  headingRef: RefObject<HTMLHeadingElement | null>;
  result: ReadinessResult;
  /** The link to the question a gap is about. */
  hrefFor(gap: Gap): string;
}

/**
 * The server words gaps in the questionnaire's own language (English); the page shows them in
 * the reader's, from the localised questionnaire and the answers.
 */
function localGap(questionnaire: Questionnaire, answers: ReadinessAnswers, gap: Gap): Gap {
  const question = questionnaire.areas.flatMap((a) => a.questions).find((q) => q.id === gap.ref);
  if (!question) return gap;
  const chosen = question.options.find((o) => o.id === answers[gap.ref]?.option);
  const target = question.options.find((o) => o.score === 1);
  return {
    ...gap,
    title: question.gap.title,
    detail: question.text,
    current: chosen?.label ?? gap.current,
    target: target?.label ?? gap.target,
  };
}

/**
 * The score: overall level, each area as a bar with its figures in text, and the gaps in the
 * order a roadmap takes them (by phase, the biggest first) with the answer that closes each.
 */
export function ResultsView({
  questionnaire,
  answers,
  result,
  hrefFor,
  headingRef,
}: ResultsViewProps) {
  const { t } = useTranslation('toolkit');
  const level = levelOf(questionnaire, result.levelId);
  const areaTitle = new Map(questionnaire.areas.map((a) => [a.id, a.title]));
  const gaps = result.gaps.map((gap) => localGap(questionnaire, answers, gap));
  const thresholds = questionnaire.levels.map((l) => l.min).filter((min) => min > 0);
  return (
    <div className="rs-results">
      <section className="rs-overall" aria-labelledby="readiness-overall-heading">
        <div className="rs-overall__score">
          <h2
            id="readiness-overall-heading"
            className="rs-overall__label"
            tabIndex={-1}
            ref={headingRef}
          >
            {t('readiness.results.overall')}
          </h2>
          <p className="rs-overall__value" data-testid="readiness-overall">
            {formatScore(result.percent)}
          </p>
          <p className="rs-overall__level">{level?.label}</p>
        </div>
        <div className="rs-overall__text">
          <p>{level?.description}</p>
          <p className="muted">
            {t('readiness.results.basis', {
              answered: formatCount(result.answered),
              questions: formatCount(result.questions),
              gaps: formatCount(result.gaps.length),
            })}
          </p>
          <ol className="rs-levels" aria-label={t('readiness.results.scale')}>
            {questionnaire.levels.map((l, i) => {
              const upper = questionnaire.levels[i + 1]?.min;
              return (
                <li
                  key={l.id}
                  className={l.id === result.levelId ? 'rs-levels__item--on' : undefined}
                >
                  <span className="rs-levels__name">{l.label}</span>{' '}
                  <span className="rs-levels__range">
                    {upper === undefined
                      ? t('readiness.results.rangeFrom', { min: formatScore(l.min) })
                      : t('readiness.results.range', {
                          min: formatScore(l.min),
                          max: formatScore(upper),
                        })}
                  </span>
                  {l.id === result.levelId ? (
                    <span className="visually-hidden"> {t('readiness.results.reached')}</span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      </section>

      <section aria-labelledby="readiness-areas-heading">
        <h2 id="readiness-areas-heading" className="section-title">
          {t('readiness.results.areasTitle')}
        </h2>
        <Table
          caption={t('readiness.results.areasCaption')}
          captionHidden
          columns={[
            { key: 'area', label: t('readiness.results.columns.area') },
            { key: 'score', label: t('readiness.results.columns.score') },
            { key: 'level', label: t('readiness.results.columns.level') },
            { key: 'answered', label: t('readiness.results.columns.answered') },
          ]}
        >
          {result.areas.map((a) => (
            <tr key={a.areaId} data-area={a.areaId}>
              <th scope="row">{areaTitle.get(a.areaId) ?? a.areaId}</th>
              <td className="rs-cell--bar">
                <ScoreBar percent={a.percent} ticks={thresholds} />
                <span className="rs-cell__figure">{formatScore(a.percent)}</span>
              </td>
              <td>{levelOf(questionnaire, a.levelId)?.label}</td>
              <td className="rs-cell--number">
                {t('readiness.results.answeredOf', {
                  answered: formatCount(a.answered),
                  questions: formatCount(a.questions),
                })}
              </td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="readiness-gaps-heading" data-testid="readiness-gaps">
        <h2 id="readiness-gaps-heading" className="section-title">
          {t('readiness.results.gapsTitle', { n: formatCount(result.gaps.length) })}
        </h2>
        <p className="muted rs-gaps__intro">{t('readiness.results.gapsIntro')}</p>
        {result.gaps.length === 0 ? (
          <p className="rs-gaps__none">{t('readiness.results.noGaps')}</p>
        ) : (
          phases.map((phase) => {
            const inPhase = gaps.filter((g) => g.phase === phase);
            if (inPhase.length === 0) return null;
            return (
              <section key={phase} className="rs-gaps__phase" aria-labelledby={`gaps-${phase}`}>
                <h3 id={`gaps-${phase}`} className="rs-gaps__phase-title">
                  {t('readiness.results.phaseGaps', {
                    phase: t(`readiness.phases.${phase}`),
                    n: formatCount(inPhase.length),
                  })}
                </h3>
                <ul className="rs-gaps__list">
                  {inPhase.map((gap) => (
                    <li key={gap.id} className="rs-gap" data-gap={gap.ref}>
                      <p className="rs-gap__title">{gap.title}</p>
                      <p className="rs-gap__area">
                        {areaTitle.get(gap.area)}
                        {' · '}
                        <Link to={hrefFor(gap)}>
                          {t('readiness.results.toQuestion')}
                          <span className="visually-hidden"> {gap.detail}</span>
                        </Link>
                      </p>
                      <dl className="rs-gap__answers">
                        <div>
                          <dt>{t('readiness.results.now')}</dt>
                          <dd>{gap.current ?? t('readiness.question.unanswered')}</dd>
                        </div>
                        <div>
                          <dt>{t('readiness.results.target')}</dt>
                          <dd>{gap.target}</dd>
                        </div>
                      </dl>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </section>
    </div>
  );
}
