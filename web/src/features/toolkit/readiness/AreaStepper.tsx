import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Questionnaire } from '../content';
import type { ReadinessAnswers, ReadinessResult } from './api';
import { formatCount, formatScore, levelOf } from './format';

interface AreaStepperProps {
  questionnaire: Questionnaire;
  answers: ReadinessAnswers;
  result: ReadinessResult;
  current: string;
  /** The link to an area (keeps the rest of the address). */
  hrefFor(areaId: string): string;
}

export const answeredIn = (area: Questionnaire['areas'][number], answers: ReadinessAnswers) =>
  area.questions.filter((q) => answers[q.id]?.option).length;

/**
 * The nine areas as steps: each shows how many of its questions are answered and the level it
 * reaches. Links, so each area has an address; the arrow keys move between them as well.
 */
export function AreaStepper({
  questionnaire,
  answers,
  result,
  current,
  hrefFor,
}: AreaStepperProps) {
  const { t } = useTranslation('toolkit');
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const keys: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      Home: -Infinity,
      End: Infinity,
    };
    const step = keys[event.key];
    if (step === undefined) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    const next = Math.min(links.length - 1, Math.max(0, at + step));
    links[next]?.focus();
  };
  return (
    <nav className="rs-steps" aria-label={t('readiness.stepper.label')} onKeyDown={onKeyDown}>
      <ol className="rs-steps__list">
        {questionnaire.areas.map((area, index) => {
          const answered = answeredIn(area, answers);
          const total = area.questions.length;
          const score = result.areas.find((a) => a.areaId === area.id);
          const level = score ? levelOf(questionnaire, score.levelId) : undefined;
          const state = answered === total ? 'done' : answered > 0 ? 'started' : 'new';
          return (
            <li key={area.id}>
              <Link
                to={hrefFor(area.id)}
                className={`rs-step rs-step--${state}`}
                aria-current={area.id === current ? 'step' : undefined}
                data-area={area.id}
              >
                <span className="rs-step__mark" aria-hidden="true">
                  {state === 'done' ? '✓' : formatCount(index + 1)}
                </span>
                <span className="rs-step__text">
                  <span className="rs-step__title">{area.title}</span>
                  <span className="rs-step__meta">
                    {t('readiness.stepper.answered', {
                      answered: formatCount(answered),
                      questions: formatCount(total),
                    })}
                    {score && answered > 0 && level ? (
                      <>
                        {' · '}
                        {t('readiness.stepper.level', {
                          percent: formatScore(score.percent),
                          level: level.label,
                        })}
                      </>
                    ) : null}
                  </span>
                  <span className="rs-step__bar" aria-hidden="true">
                    <span style={{ inlineSize: `${(100 * answered) / total}%` }} />
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
