import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LegalBasisLink } from '../../law/LegalBasisLink';
import { GuidancePanel } from '../components/GuidancePanel';
import type { Questionnaire } from '../content';
import type { Attachment, ReadinessAnswer, ReadinessAnswers } from './api';
import { answeredIn } from './AreaStepper';
import { formatCount } from './format';
import { QuestionCard } from './QuestionCard';

type Area = Questionnaire['areas'][number];

interface AreaQuestionsProps {
  area: Area;
  index: number;
  count: number;
  previous: Area | undefined;
  next: Area | undefined;
  answers: ReadinessAnswers;
  readOnly: boolean;
  assessmentId: string;
  attachments: Attachment[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  hrefFor(areaId: string): string;
  resultsHref: string;
  onAnswer(questionId: string, answer: ReadinessAnswer | null): void;
  onFileAdded(file: Attachment): void;
  onFileRemoved(id: string): void;
}

/** The questions of one area, with the area's own guidance and the way to the next area. */
export function AreaQuestions({
  area,
  index,
  count,
  previous,
  next,
  answers,
  readOnly,
  assessmentId,
  attachments,
  headingRef,
  hrefFor,
  resultsHref,
  onAnswer,
  onFileAdded,
  onFileRemoved,
}: AreaQuestionsProps) {
  const { t } = useTranslation('toolkit');
  const answered = answeredIn(area, answers);
  return (
    <section className="rs-area" aria-labelledby="readiness-area-heading">
      <header className="rs-area__head">
        <p className="rs-area__step">
          {t('readiness.area.step', {
            number: formatCount(index + 1),
            total: formatCount(count),
          })}
        </p>
        <h2 id="readiness-area-heading" className="rs-area__title" tabIndex={-1} ref={headingRef}>
          {area.title}
        </h2>
        <p className="rs-area__description">{area.description}</p>
        {area.id === 'mandate' ? <LegalBasisLink context="readiness" /> : null}
        <p className="rs-area__progress">
          {t('readiness.area.answered', {
            answered: formatCount(answered),
            questions: formatCount(area.questions.length),
          })}
        </p>
        <details className="rs-area__guidance">
          <summary>{t('readiness.area.guidance')}</summary>
          <GuidancePanel type="readiness-area" id={area.id} />
        </details>
      </header>
      <div className="rs-area__questions">
        {area.questions.map((question, i) => (
          <QuestionCard
            key={question.id}
            question={question}
            number={i + 1}
            total={area.questions.length}
            answer={answers[question.id]}
            readOnly={readOnly}
            assessmentId={assessmentId}
            files={attachments.filter((a) => a.itemId === question.id)}
            onAnswer={(answer) => onAnswer(question.id, answer)}
            onFileAdded={onFileAdded}
            onFileRemoved={onFileRemoved}
          />
        ))}
      </div>
      <nav className="rs-area__pager" aria-label={t('readiness.area.pager')}>
        {previous ? (
          <Link className="btn btn--secondary rs-area__prev" to={hrefFor(previous.id)}>
            <span aria-hidden="true" className="rs-arrow rs-arrow--back" />
            {t('readiness.area.previous', { area: previous.title })}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link className="btn btn--primary rs-area__next" to={hrefFor(next.id)}>
            {t('readiness.area.next', { area: next.title })}
            <span aria-hidden="true" className="rs-arrow" />
          </Link>
        ) : (
          <Link className="btn btn--primary rs-area__next" to={resultsHref}>
            {t('readiness.area.toResults')}
            <span aria-hidden="true" className="rs-arrow" />
          </Link>
        )}
      </nav>
    </section>
  );
}
