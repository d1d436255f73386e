import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui';
import type { AssessmentRef } from './api';
import type { RequirementCheck } from './selection';

interface Sim3ChecksProps {
  checks: RequirementCheck[];
  parameterNames: ReadonlyMap<string, string>;
  assessment: AssessmentRef | null;
  /** Where the SIM3 assessment (or, without one, the list to start one) is. */
  sim3Href: string;
}

/** Each SIM3 level the service needs, and whether the team's assessment reaches it. */
export function Sim3Checks({ checks, parameterNames, assessment, sim3Href }: Sim3ChecksProps) {
  const { t } = useTranslation('toolkit');
  return (
    <div className="service-detail__block">
      <h4 className="service-detail__title">{t('services.detail.sim3')}</h4>
      {assessment ? (
        <p className="service-detail__hint">
          {t('services.detail.checkedAgainst')}{' '}
          <Link to={sim3Href}>
            <bdi>{assessment.title}</bdi>
          </Link>{' '}
          ({t(`services.assessmentStatus.${assessment.status}`)})
        </p>
      ) : (
        <p className="service-detail__hint">
          {t('services.detail.noSim3')} <Link to={sim3Href}>{t('services.detail.startSim3')}</Link>
        </p>
      )}
      <ul className="sim3-checks">
        {checks.map((c) => (
          <li key={c.parameter} className="sim3-checks__item">
            <span className="sim3-checks__name">
              <span className="sim3-checks__id">{c.parameter}</span>{' '}
              {parameterNames.get(c.parameter) ?? ''}
            </span>
            <span className="sim3-checks__levels">
              {t('services.detail.needs', { level: c.required })}
              {assessment
                ? ` · ${
                    c.level === null
                      ? t('services.detail.notAssessed')
                      : t('services.detail.has', { level: c.level })
                  }`
                : ''}
            </span>
            {assessment ? (
              <Badge tone={c.met ? 'success' : 'warning'}>
                {t(c.met ? 'services.detail.met' : 'services.detail.notMet')}
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
