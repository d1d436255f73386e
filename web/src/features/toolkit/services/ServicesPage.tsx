import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Checkbox, Loading, PageHeader } from '../../../ui';
import { getServicesCatalogue, getSim3Content } from '../content';
import { useProject } from '../projects/ProjectContext';
import { getSim3Levels } from './api';
import { checkRequirements, countByHorizon } from './selection';
import { ServiceCard } from './ServiceCard';
import { ServicesSummary } from './ServicesSummary';
import { useSelectionDraft } from './useSelectionDraft';
import '../../../ui/theme-toolkit.css';
import '../../../ui/theme-toolkit-services.css';

/**
 * The services of the FIRST CSIRT Services Framework the team will offer now, next or later,
 * what each needs, and whether the team's SIM3 maturity is enough for it.
 */
export default function ServicesPage() {
  const { t } = useTranslation('toolkit');
  const { project, access } = useProject();
  const lang = currentLocale();
  const { hash } = useLocation();
  const catalogue = useResource(() => getServicesCatalogue(lang), [lang]);
  const sim3Content = useResource(() => getSim3Content(lang), [lang]);
  const draft = useSelectionDraft(project.id);
  const sim3 = draft.state.data?.sim3Assessment ?? null;
  const levels = useResource(
    () => (sim3 ? getSim3Levels(sim3.id) : Promise.resolve(null)),
    [sim3?.id],
  );
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [onlyChosen, setOnlyChosen] = useState(false);
  useDocumentTitle(t('services.title'));

  const parameterNames = useMemo(
    () =>
      new Map(
        (sim3Content.data?.model.quadrants ?? []).flatMap((q) =>
          q.parameters.map((p) => [p.id, p.name] as const),
        ),
      ),
    [sim3Content.data],
  );

  // A link to one service (#service-ISIM-2, from a roadmap task) opens it and scrolls to it.
  const ready = catalogue.data !== null && draft.state.data !== null;
  useEffect(() => {
    const id = /^#service-([A-Z]+-\d+)$/.exec(hash)?.[1];
    if (!ready || !id) return;
    setExpanded((open) => new Set(open).add(id));
    requestAnimationFrame(() => document.getElementById(`service-${id}`)?.scrollIntoView());
  }, [hash, ready]);

  const base = `/toolkit/projects/${encodeURIComponent(project.id)}`;
  const sim3Href = sim3 ? `${base}/sim3/${encodeURIComponent(sim3.id)}` : `${base}/sim3`;
  const failed = [catalogue, draft.state].find((r) => r.status === 'failed' && !r.data);
  const header = <PageHeader title={t('services.title')} description={t('services.intro')} />;
  if (failed)
    return (
      <section>
        {header}
        <Alert tone="error" title={describeError(t, failed.error).message} />
      </section>
    );
  if (!catalogue.data || !draft.state.data || (sim3 && levels.status === 'loading' && !levels.data))
    return <Loading />;

  const selection = draft.draft;
  const answers = levels.data?.assessment.answers ?? null;
  const checksOf = (requires: Array<{ parameter: string; level: number }>) =>
    checkRequirements(requires, sim3 ? answers : null);
  const services = catalogue.data.areas.flatMap((a) => a.services);
  const planned = services.filter((s) => selection[s.id]);
  const readyCount = planned.filter((s) => checksOf(s.requires.sim3).every((c) => c.met)).length;
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="services-page">
      {header}
      <div className="services-page__context">
        <p>
          {t('services.source')}{' '}
          <a href={catalogue.data.source.url} target="_blank" rel="noreferrer noopener">
            {catalogue.data.source.title}
          </a>
        </p>
        <p>
          {sim3 ? (
            <>
              {t('services.sim3Used')}{' '}
              <Link to={sim3Href}>
                <bdi>{sim3.title}</bdi>
              </Link>{' '}
              ({t(`services.assessmentStatus.${sim3.status}`)})
            </>
          ) : (
            <>
              {t('services.noSim3')} <Link to={sim3Href}>{t('services.detail.startSim3')}</Link>
            </>
          )}
        </p>
      </div>
      <div className="services-page__filter">
        <Checkbox
          id="services-only-chosen"
          label={t('services.onlyChosen')}
          checked={onlyChosen}
          onChange={setOnlyChosen}
        />
      </div>
      {catalogue.data.areas.map((area) => {
        const shown = area.services.filter((s) => !onlyChosen || selection[s.id]);
        if (shown.length === 0) return null;
        const chosen = area.services.filter((s) => selection[s.id]).length;
        return (
          <section
            key={area.id}
            className="services-area"
            aria-labelledby={`area-${area.id}`}
            data-area={area.id}
          >
            <div className="services-area__head">
              <h2 id={`area-${area.id}`} className="services-area__title">
                {area.name}
              </h2>
              <p className="services-area__count">
                {t('services.areaChosen', { chosen, total: area.services.length })}
              </p>
            </div>
            <p className="services-area__description">{area.description}</p>
            <ul className="services-area__list">
              {shown.map((service) => (
                <ServiceCard
                  key={service.id}
                  service={service}
                  selection={selection}
                  checks={checksOf(service.requires.sim3)}
                  parameterNames={parameterNames}
                  sim3={sim3}
                  sim3Href={sim3Href}
                  canEdit={access.canEdit}
                  expanded={expanded.has(service.id)}
                  onToggle={() => toggle(service.id)}
                  edit={draft.edit}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <ServicesSummary
        counts={countByHorizon(selection)}
        ready={sim3 ? readyCount : null}
        planned={planned.length}
        canEdit={access.canEdit}
        dirty={draft.dirty}
        saving={draft.saving}
        outcome={draft.outcome}
        updatedAt={draft.state.data.updatedAt}
        updatedBy={draft.state.data.updatedBy}
        roadmapHref={`${base}/roadmap`}
        onSave={() => void draft.save()}
        onDiscard={draft.discard}
        onReload={draft.reload}
      />
    </section>
  );
}
