import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui';
import type { AssessmentRef } from './api';
import { HorizonChoice } from './HorizonChoice';
import {
  offeredFunctions,
  setHorizon,
  type RequirementCheck,
  type ServiceSelection,
} from './selection';
import { ServiceDetail, type CatalogueService } from './ServiceDetail';

interface ServiceCardProps {
  service: CatalogueService;
  selection: ServiceSelection;
  checks: RequirementCheck[];
  parameterNames: ReadonlyMap<string, string>;
  sim3: AssessmentRef | null;
  sim3Href: string;
  canEdit: boolean;
  expanded: boolean;
  onToggle(): void;
  edit(change: (selection: ServiceSelection) => ServiceSelection): void;
}

/** One service of the framework: when the team will offer it, and (expanded) what it needs. */
export function ServiceCard(props: ServiceCardProps) {
  const { t } = useTranslation('toolkit');
  const { service, selection, checks, canEdit, expanded, sim3 } = props;
  const choice = selection[service.id];
  const titleId = `service-${service.id}-title`;
  const detailId = `service-${service.id}-detail`;
  const met = checks.filter((c) => c.met).length;
  const offered = offeredFunctions(
    choice,
    service.functions.map((f) => f.id),
  ).length;

  return (
    <li
      id={`service-${service.id}`}
      className={`service-card${choice ? ` service-card--${choice.horizon}` : ''}`}
      data-service={service.id}
    >
      <div className="service-card__head">
        <div className="service-card__text">
          <h3 id={titleId} className="service-card__name">
            <span className="service-card__id">{service.id}</span> {service.name}
          </h3>
          <p className="service-card__description">{service.description}</p>
          <p className="service-card__meta">
            {choice
              ? t('services.card.functionsOffered', {
                  offered,
                  total: service.functions.length,
                })
              : t('services.card.functions', { total: service.functions.length })}
            {' · '}
            {sim3
              ? t('services.card.sim3Met', { met, total: checks.length })
              : t('services.card.sim3Unchecked', { total: checks.length })}
            {choice && sim3 ? (
              <>
                {' '}
                <Badge tone={met === checks.length ? 'success' : 'warning'}>
                  {met === checks.length ? t('services.card.ready') : t('services.card.notReady')}
                </Badge>
              </>
            ) : null}
          </p>
        </div>
        <div className="service-card__plan">
          {canEdit ? (
            <HorizonChoice
              serviceId={service.id}
              serviceName={service.name}
              value={choice?.horizon ?? null}
              onChange={(horizon) => props.edit((s) => setHorizon(s, service.id, horizon))}
            />
          ) : (
            <p className="service-card__horizon">
              <span className="visually-hidden">{t('services.card.planned')} </span>
              <Badge tone={choice ? 'success' : 'neutral'}>
                {t(`services.horizon.${choice?.horizon ?? 'none'}`)}
              </Badge>
            </p>
          )}
        </div>
      </div>
      <button
        type="button"
        className="service-card__toggle"
        aria-expanded={expanded}
        aria-controls={detailId}
        onClick={props.onToggle}
      >
        <span className="disclosure__icon" aria-hidden="true" />
        {t('services.card.show')}
        <span className="visually-hidden">: {service.name}</span>
      </button>
      {expanded ? (
        <ServiceDetail
          id={detailId}
          service={service}
          selection={selection}
          checks={checks}
          parameterNames={props.parameterNames}
          sim3={sim3}
          sim3Href={props.sim3Href}
          canEdit={canEdit}
          edit={props.edit}
        />
      ) : null}
    </li>
  );
}
