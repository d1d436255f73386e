import { useTranslation } from 'react-i18next';
import type { Sim3Model, Tiers } from '../content';
import type { Attachment, Sim3Answer, Sim3Answers } from './api';
import { tierMinimums, type Sim3Evaluation } from './evaluate';
import { formatCount, formatMean, isolate } from './format';
import { parameterAnchor, ParameterCard } from './ParameterCard';
import { RadarChart } from './RadarChart';

type Quadrant = Sim3Model['quadrants'][number];

interface QuadrantPanelProps {
  quadrant: Quadrant;
  model: Sim3Model;
  tiers: Tiers;
  evaluation: Sim3Evaluation;
  answers: Sim3Answers;
  refused: Record<string, string>;
  readOnly: boolean;
  assessmentId: string;
  files: Attachment[];
  onAnswer(parameterId: string, answer: Sim3Answer | null): void;
  onFileAdded(file: Attachment): void;
  onFileRemoved(id: string): void;
  onJump(parameterId: string): void;
}

/**
 * One quadrant: its parameters to assess and, beside them (above them on a narrow screen), its
 * radar with the next tier's minimums dashed and the parameters of this quadrant that block it.
 * The radar follows each change as it is made, before the draft is saved.
 */
export function QuadrantPanel(props: QuadrantPanelProps) {
  const { quadrant: q, tiers, evaluation, answers } = props;
  const { t } = useTranslation('toolkit');
  const next = tiers.tiers.find((tier) => tier.id === evaluation.tiers.next);
  const ids = q.parameters.map((p) => p.id);
  const blockers = new Map(evaluation.tiers.blockers.map((b) => [b.parameter, b]));
  const here = q.parameters.filter((p) => blockers.has(p.id));
  const score = evaluation.quadrants.find((s) => s.quadrantId === q.id);

  return (
    <div className="sim3-quadrant">
      <div className="sim3-quadrant__head">
        <h2 className="sim3-quadrant__title">
          {t('sim3.quadrants.heading', { id: isolate(q.id), title: q.title })}
        </h2>
        <p className="sim3-quadrant__description">{q.description}</p>
      </div>
      <div className="sim3-quadrant__main">
        {q.parameters.map((p) => {
          const blocker = blockers.get(p.id);
          return (
            <ParameterCard
              key={p.id}
              parameter={p}
              scale={props.model.scale}
              tiers={tiers.tiers}
              blocks={blocker && next ? { tier: next.label, required: blocker.required } : null}
              answer={answers[p.id]}
              readOnly={props.readOnly}
              refused={props.refused[p.id]}
              assessmentId={props.assessmentId}
              files={props.files.filter((f) => f.itemId === p.id)}
              onAnswer={(answer) => props.onAnswer(p.id, answer)}
              onFileAdded={props.onFileAdded}
              onFileRemoved={props.onFileRemoved}
            />
          );
        })}
      </div>
      <aside
        className="sim3-quadrant__side"
        aria-label={t('sim3.quadrants.side', { title: q.title })}
      >
        <div className="sim3-quadrant__sticky">
          <RadarChart
            title={t('sim3.radar.quadrantTitle', { title: q.title })}
            axes={q.parameters.map((p) => ({
              id: p.id,
              label: `${p.id} ${p.name}`,
              value: answers[p.id]?.level ?? null,
            }))}
            threshold={tierMinimums(tiers, evaluation.tiers.next, ids)}
            thresholdLabel={next ? t('sim3.radar.tierMinimum', { tier: next.label }) : undefined}
            testId={`radar-${q.id}`}
          />
          <p className="sim3-quadrant__mean">
            {t('sim3.quadrants.mean', {
              mean: score?.mean === null || !score ? '–' : formatMean(score.mean),
              assessed: formatCount(score?.assessed ?? 0),
              total: formatCount(q.parameters.length),
            })}
          </p>
          {next ? (
            <div className="sim3-quadrant__blockers">
              <p className="sim3-quadrant__blockers-title" aria-live="polite">
                {here.length
                  ? t('sim3.quadrants.blocking', { n: formatCount(here.length), tier: next.label })
                  : t('sim3.quadrants.blockingNone', { tier: next.label })}
              </p>
              {here.length ? (
                <ul className="sim3-chips">
                  {here.map((p) => {
                    const b = blockers.get(p.id)!;
                    return (
                      <li key={p.id}>
                        <a
                          className={b.level === null ? 'sim3-chip sim3-chip--none' : 'sim3-chip'}
                          href={`#${parameterAnchor(p.id)}`}
                          onClick={(event) => {
                            event.preventDefault();
                            props.onJump(p.id);
                          }}
                        >
                          <span aria-hidden="true" dir="ltr">
                            {t('sim3.tiers.chip', {
                              id: p.id,
                              level: formatCount(b.level ?? 0),
                              required: formatCount(b.required),
                            })}
                          </span>
                          <span className="visually-hidden">
                            {t('sim3.tiers.chipText', {
                              id: isolate(p.id),
                              name: p.name,
                              level: b.level === null ? t('sim3.level.none') : formatCount(b.level),
                              required: formatCount(b.required),
                            })}
                          </span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
