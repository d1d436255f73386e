import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Alert, Button } from '../../../ui';
import { updateProject } from '../api';
import { phases } from '../types';
import { useProject } from './ProjectContext';

/** ITU's four establishment phases; the project's lead moves the project along them. */
export function PhaseStepper() {
  const { t } = useTranslation('toolkit');
  const { project, access, reload } = useProject();
  const [error, setError] = useState<unknown>(null);
  const current = phases.indexOf(project.phase);

  async function move(to: number) {
    setError(null);
    try {
      await updateProject(project.id, { revision: project.revision, phase: phases[to]! });
      reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="toolkit-phases">
      <h2 className="visually-hidden">{t('core.dashboard.phase')}</h2>
      <ol className="toolkit-phases__list">
        {phases.map((phase, i) => (
          <li
            key={phase}
            className={`toolkit-phases__step${i < current ? ' is-done' : ''}${i === current ? ' is-current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="toolkit-phases__number" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              <span className="toolkit-phases__name">{t(`core.phases.${phase}`)}</span>
              <span className="toolkit-phases__hint">{t(`core.phaseHints.${phase}`)}</span>
            </span>
          </li>
        ))}
      </ol>
      {access.canEdit ? (
        <div className="toolkit-phases__actions">
          {current > 0 ? (
            <Button variant="quiet" onClick={() => void move(current - 1)}>
              {t('core.dashboard.phaseBack', { phase: t(`core.phases.${phases[current - 1]!}`) })}
            </Button>
          ) : null}
          {current < phases.length - 1 ? (
            <Button variant="secondary" onClick={() => void move(current + 1)}>
              {t('core.dashboard.phaseNext', { phase: t(`core.phases.${phases[current + 1]!}`) })}
            </Button>
          ) : null}
        </div>
      ) : null}
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </div>
  );
}
