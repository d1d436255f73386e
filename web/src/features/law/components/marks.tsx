import { useTranslation } from 'react-i18next';
import { provisionStates, type ProvisionState, type Reference } from '../types';
import { citationKind } from '../catalogue';
import { stateSymbols } from '../states';

/** A provision's state: colour, symbol and word (the word hidden in compact cells). */
export function StateMark({
  state,
  compact = false,
}: {
  state: ProvisionState;
  compact?: boolean;
}) {
  const { t } = useTranslation('law');
  const label = t(`common.states.${state}`);
  return (
    <span
      className={`law-state law-state--${state}${compact ? ' law-state--compact' : ''}`}
      data-state={state}
      title={compact ? label : undefined}
    >
      <span className="law-state__symbol" aria-hidden="true">
        {stateSymbols[state]}
      </span>
      <span className={compact ? 'visually-hidden' : 'law-state__label'}>{label}</span>
    </span>
  );
}

/** The colours and symbols of the states, in words. */
export function StateLegend({ states = provisionStates }: { states?: readonly ProvisionState[] }) {
  const { t } = useTranslation('law');
  return (
    <div className="law-legend" data-testid="state-legend">
      <p className="law-legend__title" id="law-state-legend">
        {t('common.legend.states')}
      </p>
      <ul className="law-legend__list" aria-labelledby="law-state-legend">
        {states.map((state) => (
          <li key={state}>
            <StateMark state={state} compact />
            <span>{t(`common.states.${state}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Marks a reference whose article or section number has not been checked against the
 * instrument's published text. The word carries the meaning; the title repeats the legend.
 */
export function UnverifiedBadge() {
  const { t } = useTranslation('law');
  return (
    <span className="law-unverified" title={t('common.unverified.explanation')}>
      {t('common.unverified.badge')}
    </span>
  );
}

/** "Art. 2", "s. 4", or a citation that already says what it is, as it is. */
export function Citation({
  reference,
  unit,
}: {
  reference: Reference;
  unit: 'article' | 'section';
}) {
  const { t } = useTranslation('law');
  // "Art. 2" stays on one line; a worded citation may wrap in a narrow column.
  const text =
    citationKind(reference.citation) === 'numbered'
      ? t(`common.units.${unit}`, { citation: reference.citation }).replace(/ /g, '\u00a0')
      : reference.citation;
  return (
    <span className="law-citation">
      <bdi>{text}</bdi>
      {reference.verified ? null : (
        <>
          {' '}
          <UnverifiedBadge />
        </>
      )}
    </span>
  );
}

/** A cell where the instrument has nothing on the provision: a dash, said in words. */
export function NotCovered() {
  const { t } = useTranslation('law');
  return (
    <span className="law-none" title={t('common.notCovered')}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('common.notCovered')}</span>
    </span>
  );
}

/** The explanation of the unverified badge, once per page that shows badges. */
export function UnverifiedLegend() {
  const { t } = useTranslation('law');
  return (
    <p className="law-legend__note">
      <UnverifiedBadge /> {t('common.unverified.explanation')}
    </p>
  );
}
