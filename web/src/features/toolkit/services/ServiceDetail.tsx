import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../ui';
import { GuidancePanel } from '../components/GuidancePanel';
import type { ServicesCatalogue } from '../content';
import type { AssessmentRef } from './api';
import { offeredFunctions, setNote, toggleFunction, type ServiceSelection } from './selection';
import type { RequirementCheck } from './selection';
import { Sim3Checks } from './Sim3Checks';

export type CatalogueService = ServicesCatalogue['areas'][number]['services'][number];

interface ServiceDetailProps {
  id: string;
  service: CatalogueService;
  selection: ServiceSelection;
  checks: RequirementCheck[];
  parameterNames: ReadonlyMap<string, string>;
  sim3: AssessmentRef | null;
  sim3Href: string;
  canEdit: boolean;
  edit(change: (selection: ServiceSelection) => ServiceSelection): void;
}

/** Everything about one service: functions to offer, what it needs, and good practice. */
export function ServiceDetail(props: ServiceDetailProps) {
  const { t } = useTranslation('toolkit');
  const { service, selection, canEdit, edit } = props;
  const noteId = useId();
  const choice = selection[service.id];
  const all = service.functions.map((f) => f.id);
  const offered = new Set(offeredFunctions(choice, all));
  const lastOne = offered.size === 1;
  const needs = [
    ['staff', service.requires.staff],
    ['tools', service.requires.tools],
    ['processes', service.requires.processes],
  ] as const;

  return (
    <div id={props.id} className="service-detail">
      <div className="service-detail__main">
        <div className="service-detail__block">
          <h4 className="service-detail__title">{t('services.detail.functions')}</h4>
          {choice && canEdit ? (
            <fieldset className="service-functions">
              <legend className="service-detail__hint">
                {t('services.detail.functionsHint', { service: service.name })}
              </legend>
              {service.functions.map((f) => (
                <Checkbox
                  key={f.id}
                  id={`function-${f.id}`}
                  label={
                    <>
                      <span className="service-functions__id">{f.id}</span> {f.name}
                    </>
                  }
                  checked={offered.has(f.id)}
                  onChange={(on) => {
                    if (!on && lastOne && offered.has(f.id)) return;
                    edit((s) => toggleFunction(s, service.id, all, f.id, on));
                  }}
                />
              ))}
              {lastOne ? (
                <p className="service-detail__hint">{t('services.detail.lastFunction')}</p>
              ) : null}
            </fieldset>
          ) : (
            <ul className="service-functions__list">
              {service.functions.map((f) => (
                <li key={f.id}>
                  <span className="service-functions__id">{f.id}</span> {f.name}
                  {choice && !offered.has(f.id) ? (
                    <span className="service-functions__off">
                      {' '}
                      ({t('services.detail.notOffered')})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <Sim3Checks
          checks={props.checks}
          parameterNames={props.parameterNames}
          assessment={props.sim3}
          sim3Href={props.sim3Href}
        />
        <div className="service-needs">
          {needs.map(([kind, items]) => (
            <div key={kind} className="service-detail__block">
              <h4 className="service-detail__title">{t(`services.detail.${kind}`)}</h4>
              <ul className="service-needs__list">
                {items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        {choice && canEdit ? (
          <div className="service-detail__block service-detail__note-block">
            <label className="service-detail__title" htmlFor={noteId}>
              {t('services.detail.note')}
            </label>
            <p className="service-detail__hint" id={`${noteId}-hint`}>
              {t('services.detail.noteHint')}
            </p>
            <textarea
              id={noteId}
              className="input service-detail__note"
              rows={2}
              maxLength={2000}
              aria-describedby={`${noteId}-hint`}
              value={choice.note}
              onChange={(event) => edit((s) => setNote(s, service.id, event.target.value))}
            />
          </div>
        ) : choice?.note ? (
          <div className="service-detail__block service-detail__note-block">
            <h4 className="service-detail__title">{t('services.detail.note')}</h4>
            <p>{choice.note}</p>
          </div>
        ) : null}
      </div>
      <GuidancePanel type="service" id={service.id} />
    </div>
  );
}
