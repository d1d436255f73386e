import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from '../../../ui';
import { LegalBasisLink } from '../../law/LegalBasisLink';
import { GuidancePanel } from '../components/GuidancePanel';
import type { Sim3Model, Tiers } from '../content';
import type { Attachment, Sim3Answer } from './api';
import { EvidenceFiles } from '../components/EvidenceFiles';
import { formatCount, isolate } from './format';

export type Parameter = Sim3Model['quadrants'][number]['parameters'][number];
type Scale = Sim3Model['scale'];

interface ParameterCardProps {
  parameter: Parameter;
  scale: Scale;
  tiers: Tiers['tiers'];
  /** The next tier and the level it asks of this parameter, when this parameter blocks it. */
  blocks: { tier: string; required: number } | null;
  answer: Sim3Answer | undefined;
  readOnly: boolean;
  /** The server's refusal of this parameter's last save. */
  refused?: string | undefined;
  assessmentId: string;
  files: Attachment[];
  onAnswer(answer: Sim3Answer | null): void;
  onFileAdded(file: Attachment): void;
  onFileRemoved(id: string): void;
}

/** No level and no note is no answer: the parameter is then cleared on the server. */
const answerOf = (level: number | null, evidence: string): Sim3Answer | null =>
  level === null && evidence.trim() === '' ? null : { level, evidence };

export const parameterAnchor = (id: string) => `sim3-param-${id}`;

/**
 * One SIM3 parameter: what it measures, its good-practice guidance (behind a toggle, right
 * where the level is chosen), the five levels as a radio group (each with the scale's label
 * and meaning, the parameter's own hint, and which tiers ask for that level), and the evidence.
 */
export function ParameterCard(props: ParameterCardProps) {
  const { parameter: p, scale, answer, readOnly, blocks } = props;
  const { t } = useTranslation('toolkit');
  const id = useId();
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const level = answer?.level ?? null;
  const evidence = answer?.evidence ?? '';
  const hints = new Map(p.levelHints.map((h) => [h.level, h.hint]));
  const tiersAt = (l: number) => props.tiers.filter((tier) => tier.minimums[p.id] === l);
  const chosen = scale.find((s) => s.level === level);

  const levelText = (l: Scale[number]) => (
    <>
      <span className="sim3-level__meaning">{l.meaning}</span>
      {hints.get(l.level) ? (
        <span className="sim3-level__hint">
          <span className="sim3-level__hint-label">
            {t('sim3.param.hint', { id: isolate(p.id) })}
          </span>{' '}
          {hints.get(l.level)}
        </span>
      ) : null}
      {tiersAt(l.level).length ? (
        <span className="sim3-level__tiers">
          {tiersAt(l.level).map((tier) => (
            <span key={tier.id} className="sim3-level__tier">
              {t('sim3.param.tierMinimum', { tier: tier.label })}
            </span>
          ))}
        </span>
      ) : null}
    </>
  );

  return (
    <article
      className={blocks ? 'sim3-param sim3-param--blocks' : 'sim3-param'}
      id={parameterAnchor(p.id)}
      aria-labelledby={`${id}-name`}
      data-parameter={p.id}
    >
      <header className="sim3-param__head">
        <h3 className="sim3-param__name" id={`${id}-name`} tabIndex={-1}>
          <span className="sim3-param__id">{p.id}</span> {p.name}
        </h3>
        <p className="sim3-param__status" data-testid={`status-${p.id}`}>
          {chosen ? (
            <Badge tone="neutral">
              {t('sim3.param.levelIs', { level: formatCount(chosen.level), label: chosen.label })}
            </Badge>
          ) : (
            <Badge tone="neutral">{t('sim3.level.none')}</Badge>
          )}
          {blocks ? (
            <Badge tone="warning">
              {t('sim3.param.blocks', {
                tier: blocks.tier,
                required: formatCount(blocks.required),
              })}
            </Badge>
          ) : null}
        </p>
      </header>
      <p className="sim3-param__description">{p.description}</p>
      {p.id === 'O-1' || p.id === 'O-3' ? <LegalBasisLink context="sim3" /> : null}
      <div className="sim3-param__guidance">
        <Button
          variant="quiet"
          aria-expanded={guidanceOpen}
          aria-controls={`${id}-guidance`}
          onClick={() => setGuidanceOpen((open) => !open)}
        >
          {t(guidanceOpen ? 'sim3.param.hideGuidance' : 'sim3.param.showGuidance')}
          <span className="visually-hidden"> {p.id}</span>
        </Button>
        <div id={`${id}-guidance`} hidden={!guidanceOpen}>
          {guidanceOpen ? <GuidancePanel type="sim3-parameter" id={p.id} /> : null}
        </div>
      </div>

      {readOnly ? (
        <dl className="sim3-param__given">
          <dt>{t('sim3.param.level')}</dt>
          <dd>
            {chosen ? (
              <span className="sim3-level sim3-level--static">
                <span className="sim3-level__number" aria-hidden="true">
                  {formatCount(chosen.level)}
                </span>
                <span className="sim3-level__text">
                  <span className="sim3-level__label">{chosen.label}</span>
                  {levelText(chosen)}
                </span>
              </span>
            ) : (
              <span className="muted">{t('sim3.level.none')}</span>
            )}
          </dd>
          {evidence ? (
            <>
              <dt>{t('sim3.param.evidence')}</dt>
              <dd className="sim3-param__evidence-text" dir="auto">
                {evidence}
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <>
          <fieldset className="sim3-param__levels">
            <legend className="sim3-param__legend">
              {t('sim3.param.level')}
              <span className="visually-hidden">
                {' '}
                {p.id} {p.name}
              </span>
            </legend>
            {scale.map((l) => {
              const radioId = `${id}-level-${l.level}`;
              return (
                <label
                  key={l.level}
                  className={level === l.level ? 'sim3-level is-checked' : 'sim3-level'}
                  htmlFor={radioId}
                >
                  <input
                    id={radioId}
                    type="radio"
                    className="sim3-level__input"
                    name={`${id}-level`}
                    value={l.level}
                    checked={level === l.level}
                    onChange={() => props.onAnswer(answerOf(l.level, evidence))}
                    aria-labelledby={`${radioId}-name`}
                    aria-describedby={`${radioId}-text`}
                    data-testid={`level-${p.id}-${l.level}`}
                  />
                  <span className="sim3-level__number" aria-hidden="true">
                    {formatCount(l.level)}
                  </span>
                  <span className="sim3-level__text">
                    <span className="sim3-level__label" id={`${radioId}-name`}>
                      <span className="visually-hidden">{formatCount(l.level)} </span>
                      {l.label}
                    </span>
                    <span id={`${radioId}-text`}>{levelText(l)}</span>
                  </span>
                </label>
              );
            })}
            {level !== null ? (
              <Button
                variant="quiet"
                className="sim3-param__clear"
                onClick={() => props.onAnswer(answerOf(null, evidence))}
              >
                {t('sim3.param.clear')}
                <span className="visually-hidden"> {p.id}</span>
              </Button>
            ) : null}
          </fieldset>
          <div className={props.refused ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={`${id}-evidence`}>
              {t('sim3.param.evidence')}
              <span className="visually-hidden"> {p.id}</span>
            </label>
            <p className="field__hint" id={`${id}-evidence-hint`}>
              {t('sim3.param.evidenceHint')}
            </p>
            {props.refused ? (
              <p className="field__error" id={`${id}-evidence-error`}>
                {t('sim3.param.refused', { message: props.refused })}
              </p>
            ) : null}
            <textarea
              id={`${id}-evidence`}
              className="input sim3-param__note"
              rows={3}
              maxLength={4000}
              dir="auto"
              value={evidence}
              aria-invalid={props.refused ? true : undefined}
              aria-describedby={
                props.refused ? `${id}-evidence-hint ${id}-evidence-error` : `${id}-evidence-hint`
              }
              onChange={(event) => props.onAnswer(answerOf(level, event.target.value))}
              data-testid={`evidence-${p.id}`}
            />
          </div>
        </>
      )}
      <EvidenceFiles
        assessmentId={props.assessmentId}
        itemId={p.id}
        part="sim3"
        files={props.files}
        readOnly={readOnly}
        onAdded={props.onFileAdded}
        onRemoved={props.onFileRemoved}
      />
    </article>
  );
}
