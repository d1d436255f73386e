import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui';
import type { FieldErrors } from '../components/errors';
import type { Queue } from '../types';

interface QueuesEditorProps {
  queues: Queue[];
  errors: FieldErrors;
  onChange(queues: Queue[]): void;
}

/** Team queues an incident can wait in: a short id (used in filters and the API) and a name. */
export function QueuesEditor({ queues, errors, onChange }: QueuesEditorProps) {
  const { t } = useTranslation('incidents');
  const set = (index: number, change: Partial<Queue>) =>
    onChange(queues.map((q, i) => (i === index ? { ...q, ...change } : q)));
  return (
    <section className="incident-card" aria-labelledby="settings-queues-title">
      <h2 id="settings-queues-title" className="incident-card__title">
        {t('settings.queues.title')}
      </h2>
      <p className="incident-card__intro">{t('settings.queues.intro')}</p>
      <ul className="queue-list">
        {queues.map((queue, index) => {
          const idError = errors[`queues.${index}.id`];
          const nameError = errors[`queues.${index}.name`];
          return (
            <li key={index} className="queue-list__row">
              <div className={idError ? 'field field--error' : 'field'}>
                <label className="field__label" htmlFor={`queue-${index}-id`}>
                  {t('settings.queues.id')}
                </label>
                {idError ? (
                  <p className="field__error" id={`queue-${index}-id-error`}>
                    {idError}
                  </p>
                ) : null}
                <input
                  id={`queue-${index}-id`}
                  className="input"
                  dir="ltr"
                  value={queue.id}
                  aria-invalid={idError ? true : undefined}
                  aria-describedby={idError ? `queue-${index}-id-error` : undefined}
                  onChange={(event) => set(index, { id: event.target.value })}
                />
              </div>
              <div className={nameError ? 'field field--error' : 'field'}>
                <label className="field__label" htmlFor={`queue-${index}-name`}>
                  {t('settings.queues.name')}
                </label>
                {nameError ? (
                  <p className="field__error" id={`queue-${index}-name-error`}>
                    {nameError}
                  </p>
                ) : null}
                <input
                  id={`queue-${index}-name`}
                  className="input"
                  value={queue.name}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `queue-${index}-name-error` : undefined}
                  onChange={(event) => set(index, { name: event.target.value })}
                />
              </div>
              <Button
                variant="quiet"
                onClick={() => onChange(queues.filter((_, i) => i !== index))}
                aria-label={t('settings.queues.removeOf', { name: queue.name || queue.id })}
              >
                {t('settings.queues.remove')}
              </Button>
            </li>
          );
        })}
      </ul>
      <Button onClick={() => onChange([...queues, { id: '', name: '' }])} data-testid="queue-add">
        {t('settings.queues.add')}
      </Button>
    </section>
  );
}
