import { useTranslation } from 'react-i18next';
import type { IncidentStatus, Pap, SeverityLevel, Tlp } from '../types';
// The labels bring their colours wherever they are shown (the list too, reached first).
import '../../../ui/theme-incidents.css';

/**
 * TLP 2.0 and PAP labels as FIRST prints them: the label in capitals, in its colour on black
 * (RED #FF2B2B, AMBER and AMBER+STRICT #FFC000, GREEN #33FF00, CLEAR #FFFFFF, on #000000).
 * The label itself is never translated (TLP 2.0 keeps `TLP:AMBER+STRICT` in every language), so
 * colour is never the only signal.
 */
export function TlpLabel({ tlp }: { tlp: Tlp }) {
  return (
    <span className={`tlp-label tlp-label--${tlp.replace('+', '-')}`} dir="ltr" lang="en">
      TLP:{tlp.toUpperCase()}
    </span>
  );
}

export function PapLabel({ pap }: { pap: Pap }) {
  return (
    <span className={`tlp-label tlp-label--${pap}`} dir="ltr" lang="en">
      PAP:{pap.toUpperCase()}
    </span>
  );
}

const statusTone: Record<IncidentStatus, string> = {
  new: 'new',
  triage: 'triage',
  'in-progress': 'progress',
  'waiting-external': 'waiting',
  resolved: 'resolved',
  closed: 'closed',
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation('incidents');
  return (
    <span className={`incident-status incident-status--${statusTone[status]}`}>
      {t(`core.status.${status}`)}
    </span>
  );
}

/** A severity level with its colour as a swatch; the name carries the meaning. */
export function SeverityBadge({ level, id }: { level: SeverityLevel | undefined; id: string }) {
  return (
    <span className="severity-badge">
      <span
        className="severity-badge__swatch"
        style={{ background: level?.colour ?? 'transparent' }}
        aria-hidden="true"
      />
      {level?.name ?? id}
    </span>
  );
}
