import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { Alert, Button, Loading, PageHeader } from '../../ui';
import { getIncident, listConstituents, listObservables } from './api';
import { splitError } from './components/errors';
import { PapLabel, SeverityBadge, StatusBadge, TlpLabel } from './components/Labels';
import { useReference } from './components/useReference';
import { AccessPanel } from './detail/AccessPanel';
import { AttachmentsPanel } from './detail/AttachmentsPanel';
import { ConstituentsPanel } from './detail/ConstituentsPanel';
import { IntelPanel } from './detail/IntelPanel';
import { IncidentContext, type IncidentContextValue } from './detail/context';
import { LinksPanel } from './detail/LinksPanel';
import { NotifyDialog } from './detail/NotifyDialog';
import { ObservablesPanel } from './detail/ObservablesPanel';
import { ShareDialog } from './detail/ShareDialog';
import { SlaTimers } from './detail/SlaTimers';
import { StatusControl } from './detail/StatusControl';
import { TasksPanel } from './detail/TasksPanel';
import { Timeline } from './detail/Timeline';
import { TriagePanel } from './detail/TriagePanel';
import type { Incident, IncidentView } from './types';
import '../../ui/theme-incidents.css';

/**
 * One incident: what it is and how far it got (header, status, SLA), what the analyst decides
 * (triage), what there is to do (tasks), what is known (observables, owners, files, links) and
 * everything that happened (timeline). A TLP:RED incident the user may not read is "not found".
 */
export default function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { state, can } = useAuth();
  const location = useLocation();
  const reference = useReference();
  const [version, setVersion] = useState(0);
  const detail = useResource(() => getIncident(id), [id, version]);
  const [override, setOverride] = useState<IncidentView | null>(null);
  const observables = useResource(() => listObservables(id), [id, version]);
  const constituents = useResource(() => listConstituents(id), [id, version]);
  const [notifying, setNotifying] = useState(false);
  const [sharing, setSharing] = useState(false);
  const created = (location.state as { created?: string } | null)?.created;

  const loaded = detail.data?.id === id ? detail.data : null;
  // A write answers with the new incident before the reload arrives: show the newer one.
  const incident =
    override && loaded && override.id === loaded.id && override.revision > loaded.revision
      ? override
      : loaded;
  useDocumentTitle(incident ? `${incident.reference} ${incident.title}` : t('detail.title'));

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const me = state.status === 'authenticated' ? state.me : null;
  const context = useMemo<IncidentContextValue | null>(
    () =>
      incident && reference.data && me
        ? {
            incident,
            reference: reference.data,
            setIncident: setOverride,
            refresh,
            version,
            canHandle: can('incidents.handle'),
            canManage: can('incidents.manage'),
            me: { id: me.id, displayName: me.displayName },
          }
        : null,
    [incident, reference.data, me, refresh, version, can],
  );

  if (!context || !incident) {
    const error = detail.status === 'failed' ? detail.error : reference.error;
    if (detail.status === 'failed' || reference.status === 'failed') {
      const missing = error instanceof ApiError && error.status === 404;
      return (
        <>
          <PageHeader title={t('detail.title')} />
          <Alert
            tone="error"
            title={missing ? t('detail.notFound') : splitError(t, tApp, error).form}
          >
            {missing ? <p>{t('detail.notFoundHelp')}</p> : null}
            <Link to="/incidents">{t('detail.backToList')}</Link>
          </Alert>
        </>
      );
    }
    return <Loading />;
  }

  const level = context.reference.ladder.find((l) => l.id === incident.severity);
  return (
    <IncidentContext.Provider value={context}>
      <nav className="incident-breadcrumb" aria-label={t('detail.breadcrumb')}>
        <Link to="/incidents">{t('detail.backToList')}</Link>
      </nav>
      <PageHeader
        title={incident.title}
        description={
          <span className="incident-summary" data-testid="incident-summary">
            <span className="incident-summary__ref" dir="ltr" data-testid="incident-reference">
              {incident.reference}
            </span>
            <StatusBadge status={incident.status} />
            <TlpLabel tlp={incident.tlp} />
            <PapLabel pap={incident.pap} />
            {incident.severity ? <SeverityBadge level={level} id={incident.severity} /> : null}
            <span className="incident-summary__when">
              {t('detail.openedAt', {
                at: formatDateTime(incident.createdAt),
                source: t(`core.sources.${incident.source}`),
              })}
            </span>
          </span>
        }
        actions={
          <>
            {can('exchange.share') ? (
              <Button onClick={() => setSharing(true)} data-testid="share-open">
                {t('detail.share.open')}
              </Button>
            ) : null}
            {context.canHandle && !incident.mergedIntoId ? (
              <Button onClick={() => setNotifying(true)} data-testid="notify-open">
                {t('detail.notify.open')}
              </Button>
            ) : null}
          </>
        }
      />
      {created ? (
        <Alert tone="success" title={t('detail.created', { reference: created })} />
      ) : null}
      <StatusControl />
      <div className="incident-layout">
        <div className="incident-layout__main">
          <section className="incident-card" aria-labelledby="incident-description-title">
            <h2 id="incident-description-title" className="incident-card__title">
              {t('detail.description')}
            </h2>
            {incident.description ? (
              <p className="incident-description">{incident.description}</p>
            ) : (
              <p className="incident-card__empty">{t('detail.noDescription')}</p>
            )}
            <Reporter incident={incident} />
          </section>
          <TasksPanel />
          <ObservablesPanel
            observables={observables.data?.observables ?? []}
            constituents={constituents.data?.constituents ?? []}
          />
          <AttachmentsPanel />
          <Timeline />
        </div>
        <aside className="incident-layout__side" aria-label={t('detail.sideLabel')}>
          <SlaTimers />
          <TriagePanel />
          <ConstituentsPanel constituents={constituents.data?.constituents ?? []} />
          {can('exchange.read') ? <IntelPanel /> : null}
          <AccessPanel />
          <LinksPanel />
        </aside>
      </div>
      <NotifyDialog
        open={notifying}
        onClose={() => setNotifying(false)}
        constituents={constituents.data?.constituents ?? []}
      />
      {can('exchange.share') ? (
        <ShareDialog
          open={sharing}
          onClose={() => setSharing(false)}
          observables={observables.data?.observables ?? []}
        />
      ) : null}
    </IncidentContext.Provider>
  );
}

function Reporter({ incident }: { incident: Incident }) {
  const { t } = useTranslation('incidents');
  const { name, email, organisation } = incident.reporter;
  if (!name && !email && !organisation) return null;
  return (
    <dl className="incident-reporter">
      <dt>{t('detail.reportedBy')}</dt>
      <dd>
        {[name, organisation].filter(Boolean).join(', ')}{' '}
        {email ? (
          <a href={`mailto:${email}`} dir="ltr">
            {email}
          </a>
        ) : null}
      </dd>
    </dl>
  );
}
