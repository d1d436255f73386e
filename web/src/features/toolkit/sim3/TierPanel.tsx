import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui';
import type { Sim3Model, Tiers } from '../content';
import type { Blocker, Sim3Evaluation } from './evaluate';
import { formatCount } from './format';
import { parameterAnchor } from './ParameterCard';

interface TierPanelProps {
  model: Sim3Model;
  tiers: Tiers;
  evaluation: Sim3Evaluation;
  onJump(parameterId: string): void;
}

export const tierPanelId = 'sim3-tier-evaluation';

/**
 * The evaluation against the tier table: for every tier, met or not and by how many
 * parameters; for the next tier, exactly which parameters block it (level now, level needed),
 * each a link to the parameter. The thresholds are data (data/toolkit/tiers/); the panel names
 * the table and its version.
 */
export function TierPanel({ model, tiers, evaluation, onJump }: TierPanelProps) {
  const { t } = useTranslation('toolkit');
  const parameters = new Map(model.quadrants.flatMap((q) => q.parameters.map((p) => [p.id, p])));
  const scale = new Map(model.scale.map((s) => [s.level, s.label]));
  const labelOf = (id: string | null) => tiers.tiers.find((tier) => tier.id === id)?.label ?? '';
  const { achieved, next } = evaluation.tiers;

  const levelCell = (level: number | null) =>
    level === null ? (
      <span className="muted">{t('sim3.level.none')}</span>
    ) : (
      <>
        <span className="sim3-blockers__level">{formatCount(level)}</span> {scale.get(level)}
      </>
    );

  const blockerTable = (blockers: Blocker[], tierLabel: string, testId?: string) => (
    <div className="table-wrap" role="region" aria-label={tierLabel} tabIndex={0}>
      <table className="table sim3-blockers" data-testid={testId}>
        <caption className="visually-hidden">{tierLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sim3.tiers.parameter')}</th>
            <th scope="col">{t('sim3.tiers.now')}</th>
            <th scope="col">{t('sim3.tiers.needed')}</th>
          </tr>
        </thead>
        <tbody>
          {blockers.map((b) => (
            <tr key={b.parameter} data-parameter={b.parameter}>
              <th scope="row">
                <a
                  href={`#${parameterAnchor(b.parameter)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onJump(b.parameter);
                  }}
                >
                  <span className="sim3-param__id">{b.parameter}</span>{' '}
                  {parameters.get(b.parameter)?.name}
                </a>
              </th>
              <td>{levelCell(b.level)}</td>
              <td>{levelCell(b.required)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="sim3-tiers" id={tierPanelId} aria-labelledby={`${tierPanelId}-title`}>
      <h2 className="section-title" id={`${tierPanelId}-title`} tabIndex={-1}>
        {t('sim3.tiers.title')}
      </h2>
      <p className="sim3-tiers__intro">
        {t('sim3.tiers.intro', { table: tiers.title, version: tiers.version })}
      </p>
      <ol className="sim3-tiers__list">
        {evaluation.tiers.tiers.map((tier) => {
          const content = tiers.tiers.find((x) => x.id === tier.id);
          return (
            <li
              key={tier.id}
              className={[
                'sim3-tier',
                tier.met ? 'sim3-tier--met' : '',
                tier.id === next ? 'sim3-tier--next' : '',
              ].join(' ')}
              data-tier={tier.id}
              data-met={tier.met}
            >
              <h3 className="sim3-tier__name">{content?.label}</h3>
              <p className="sim3-tier__status">
                {tier.met ? (
                  <Badge tone="success">{t('sim3.tiers.met')}</Badge>
                ) : (
                  <Badge tone={tier.id === next ? 'warning' : 'neutral'}>
                    {t('sim3.tiers.notMet', { n: formatCount(tier.blockers.length) })}
                  </Badge>
                )}
                {tier.id === next ? (
                  <span className="sim3-tier__next">{t('sim3.tiers.nextMark')}</span>
                ) : null}
              </p>
              <p className="sim3-tier__description">{content?.description}</p>
            </li>
          );
        })}
      </ol>
      <div>
        {next ? (
          <>
            <h3 className="sim3-tiers__subtitle">
              {t('sim3.tiers.blockersTitle', {
                tier: labelOf(next),
                n: formatCount(evaluation.tiers.blockers.length),
              })}
            </h3>
            <p className="muted">
              {achieved
                ? t('sim3.tiers.blockersIntroFrom', {
                    achieved: labelOf(achieved),
                    tier: labelOf(next),
                  })
                : t('sim3.tiers.blockersIntro', { tier: labelOf(next) })}
            </p>
          </>
        ) : (
          <p className="sim3-tiers__all" data-testid="all-tiers">
            {t('sim3.tiers.allMet')}
          </p>
        )}
      </div>
      {next
        ? blockerTable(
            evaluation.tiers.blockers,
            t('sim3.tiers.blockersCaption', { tier: labelOf(next) }),
            'blockers',
          )
        : null}
      {evaluation.tiers.tiers
        .filter((tier) => !tier.met && tier.id !== next)
        .map((tier) => (
          <details key={tier.id} className="sim3-tiers__later">
            <summary>
              {t('sim3.tiers.laterSummary', {
                tier: labelOf(tier.id),
                n: formatCount(tier.blockers.length),
              })}
            </summary>
            {blockerTable(
              tier.blockers,
              t('sim3.tiers.blockersCaption', { tier: labelOf(tier.id) }),
            )}
          </details>
        ))}
    </section>
  );
}
