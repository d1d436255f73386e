import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The "low confidence" badge. It is a button that shows why (a toggletip), because a hover-only
 * tooltip would be lost to keyboard, touch and screen-reader users.
 */
export function LowConfidence() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="low-confidence">
      <button
        type="button"
        className="badge badge--warning low-confidence__badge"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {t('registry.lowConfidence.label')}
        <span className="low-confidence__mark" aria-hidden="true">
          ?
        </span>
      </button>
      <span id={id} className="low-confidence__text" hidden={!open}>
        {t('registry.lowConfidence.explanation')}
      </span>
    </span>
  );
}
