import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from '../../../ui';
import { GuidancePanel } from '../components/GuidancePanel';
import type { Questionnaire } from '../content';
import type { Attachment, ReadinessAnswer } from './api';
import { EvidenceFiles } from '../components/EvidenceFiles';
import { formatCount } from './format';

export type Question = Questionnaire['areas'][number]['questions'][number];

interface QuestionCardProps {
  question: Question;
  number: number;
  total: number;
  answer: ReadinessAnswer | undefined;
  readOnly: boolean;
  assessmentId: string;
  files: Attachment[];
  onAnswer(answer: ReadinessAnswer | null): void;
  onFileAdded(file: Attachment): void;
  onFileRemoved(id: string): void;
}

/** Keeps an answer only while it says something: no option and no note is no answer. */
const answerOf = (option: string | null, evidence: string): ReadinessAnswer | null =>
  option === null && evidence.trim() === '' ? null : { option, evidence };

/**
 * One question: its options as a radio group whose legend is the question, an evidence note
 * and files, and the good-practice guidance written for it beside (or, on a narrow screen,
 * behind a button below) the answer.
 */
export function QuestionCard(props: QuestionCardProps) {
  const { question: q, answer, readOnly } = props;
  const { t } = useTranslation('toolkit');
  const id = useId();
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const option = answer?.option ?? null;
  const evidence = answer?.evidence ?? '';
  const chosen = q.options.find((o) => o.id === option);

  return (
    <article
      className="rq"
      id={`question-${q.id}`}
      aria-labelledby={`${id}-text`}
      data-question={q.id}
    >
      <div className="rq__main">
        <p className="rq__meta">
          <span>
            {t('readiness.question.number', {
              number: formatCount(props.number),
              total: formatCount(props.total),
            })}
          </span>
          <Badge tone="neutral">
            {t('readiness.question.phase', { phase: t(`readiness.phases.${q.phase}`) })}
          </Badge>
        </p>
        {readOnly ? (
          <>
            <h3 className="rq__text" id={`${id}-text`} tabIndex={-1}>
              {q.text}
            </h3>
            {q.help ? <p className="rq__help">{q.help}</p> : null}
            <dl className="rq__given">
              <dt>{t('readiness.question.answer')}</dt>
              <dd>
                {chosen ? (
                  chosen.label
                ) : (
                  <span className="muted">{t('readiness.question.unanswered')}</span>
                )}
              </dd>
              {evidence ? (
                <>
                  <dt>{t('readiness.question.evidence')}</dt>
                  <dd className="rq__evidence-text">{evidence}</dd>
                </>
              ) : null}
            </dl>
          </>
        ) : (
          <>
            <fieldset className="rq__fieldset" aria-describedby={q.help ? `${id}-help` : undefined}>
              <legend className="rq__legend">
                <h3 className="rq__text" id={`${id}-text`} tabIndex={-1}>
                  {q.text}
                </h3>
              </legend>
              {q.help ? (
                <p className="rq__help" id={`${id}-help`}>
                  {q.help}
                </p>
              ) : null}
              <div className="rq__options">
                {q.options.map((o) => (
                  <label key={o.id} className="rq__option">
                    <input
                      type="radio"
                      name={`${id}-option`}
                      value={o.id}
                      checked={option === o.id}
                      onChange={() => props.onAnswer(answerOf(o.id, evidence))}
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
              {option ? (
                <Button
                  variant="quiet"
                  className="rq__clear"
                  onClick={() => props.onAnswer(answerOf(null, evidence))}
                >
                  {t('readiness.question.clear')}
                </Button>
              ) : null}
            </fieldset>
            <div className="field rq__evidence">
              <label className="field__label" htmlFor={`${id}-evidence`}>
                {t('readiness.question.evidence')}
              </label>
              <p className="field__hint" id={`${id}-evidence-hint`}>
                {t('readiness.question.evidenceHint')}
              </p>
              <textarea
                id={`${id}-evidence`}
                className="input rq__note"
                rows={3}
                maxLength={4000}
                dir="auto"
                value={evidence}
                aria-describedby={`${id}-evidence-hint`}
                onChange={(event) => props.onAnswer(answerOf(option, event.target.value))}
              />
            </div>
          </>
        )}
        <EvidenceFiles
          assessmentId={props.assessmentId}
          itemId={q.id}
          part="readiness"
          files={props.files}
          readOnly={readOnly}
          onAdded={props.onFileAdded}
          onRemoved={props.onFileRemoved}
        />
      </div>
      <div className={guidanceOpen ? 'rq__side rq__side--open' : 'rq__side'}>
        <Button
          variant="quiet"
          className="rq__guidance-toggle"
          aria-expanded={guidanceOpen}
          aria-controls={`${id}-guidance`}
          onClick={() => setGuidanceOpen((open) => !open)}
        >
          {t(guidanceOpen ? 'readiness.question.hideGuidance' : 'readiness.question.showGuidance')}
        </Button>
        <div id={`${id}-guidance`} className="rq__guidance">
          <GuidancePanel type="readiness-question" id={q.id} />
        </div>
      </div>
    </article>
  );
}
