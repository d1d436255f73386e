import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { getBcm } from '../../toolkit/bcm/api';
import type { IncidentStatus, TimelineEvent } from '../types';
import { useIncident } from './context';

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/**
 * One escalation action as the toolkit's escalation matrix answers it (ids of the BCM plan),
 * with the names the plan gave them when the event was recorded (older events have ids only).
 */
interface Escalation {
  kind?: 'owner' | 'notify' | 'checklist';
  audience?: string | null;
  audienceName?: string | null;
  contactIds?: string[];
  /** One for one with contactIds. */
  contactNames?: string[];
  operatorNames?: string[];
  channel?: string | null;
  withinMinutes?: number | null;
  dueAt?: string | null;
  stepId?: string | null;
  stepTitle?: string | null;
}

/** True when the event lacks a name it refers to: only then is the plan itself read. */
function lacksNames(list: Escalation[]): boolean {
  return list.some(
    (e) =>
      (e.contactIds ?? []).length !== (e.contactNames ?? []).length ||
      (e.audience ? !e.audienceName : false) ||
      (e.stepId ? !e.stepTitle : false),
  );
}

/**
 * Names of the plan's contacts, audiences and checklist steps as the plan has them now, for
 * events recorded without names, when the user may read the plan; else the ids.
 */
function usePlanNames(projectId: string | null, needed: boolean) {
  const { can } = useAuth();
  const lang = currentLocale();
  const plan = useResource(
    () =>
      needed && projectId && can('toolkit.read')
        ? getBcm(projectId, lang).catch(() => null)
        : Promise.resolve(null),
    [projectId, lang, needed],
  );
  const p = plan.data?.plan;
  return {
    contact: (id: string) => p?.contacts.find((c) => c.id === id)?.name ?? id,
    audience: (id: string) => p?.audiences.find((a) => a.id === id)?.name ?? id,
    step: (id: string) => p?.checklist.find((c) => c.id === id)?.action ?? id,
  };
}

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** The body of one timeline event, by kind, in sentences; unknown shapes are listed plainly. */
export function TimelineBody({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('incidents');
  const b = event.body;
  const say = (key: string, values: Record<string, unknown> = {}) => (
    <p className="timeline__text">{t(`detail.timeline.say.${key}`, values)}</p>
  );
  switch (event.kind) {
    case 'created':
      return say('created', {
        source: t(`core.sources.${str(b.source) ?? 'ui'}`),
      });
    case 'comment':
      return <p className="timeline__text">{str(b.text) ?? str(b.body)}</p>;
    case 'status': {
      const from = str(b.from) as IncidentStatus | null;
      const to = str(b.to) as IncidentStatus | null;
      return (
        <>
          {from && to
            ? say('status', { from: t(`core.status.${from}`), to: t(`core.status.${to}`) })
            : null}
          {str(b.comment) ? (
            <blockquote className="timeline__quote">{str(b.comment)}</blockquote>
          ) : null}
        </>
      );
    }
    case 'triage':
      return <TriageChanges changes={obj(b.changes)} />;
    case 'assignment':
      return <TriageChanges changes={b} />;
    case 'task': {
      const action = str(b.action);
      if (action === 'playbook') {
        const titles = list(b.tasks).map((task) => str(task.title) ?? '');
        return (
          <>
            {say('playbook', { count: titles.length })}
            <ul className="timeline__list">
              {titles.map((title, i) => (
                <li key={i}>{title}</li>
              ))}
            </ul>
          </>
        );
      }
      const title = str(obj(b.task).title) ?? '';
      if (action === 'updated' && Array.isArray(b.changed) && b.changed.includes('status'))
        return say(`task-${str(b.status) ?? 'open'}`, { title });
      return say(`task-${action ?? 'updated'}`, { title });
    }
    case 'observable': {
      const values = list(b.observables)
        .map((o) => str(o.value))
        .filter(Boolean)
        .join(', ');
      return say(str(b.action) === 'removed' ? 'observables-removed' : 'observables-added', {
        values,
      });
    }
    case 'constituent': {
      const orgs = list(b.orgs);
      const action = str(b.action) ?? 'manual';
      return (
        <>
          {say(`constituents-${action}`, {
            names: orgs
              .map((o) => str(o.name))
              .filter(Boolean)
              .join(', '),
          })}
          {action === 'suggested' ? (
            <ul className="timeline__list">
              {orgs.flatMap((o) =>
                list(o.matched).map((m, i) => (
                  <li key={`${String(o.id)}-${i}`}>
                    {t('detail.constituents.matched', {
                      observable: str(m.observable) ?? '',
                      rule: t(`detail.rules.${str(m.rule) ?? ''}`, {
                        defaultValue: str(m.rule) ?? '',
                      }),
                      value: str(m.value) ?? '',
                    })}
                  </li>
                )),
              )}
            </ul>
          ) : null}
        </>
      );
    }
    case 'attachment': {
      const a = obj(b.attachment);
      return (
        <>
          {say('attachment', { name: str(a.filename) ?? '' })}
          {str(a.sha256) ? (
            <p className="timeline__hash">
              SHA-256 <code dir="ltr">{str(a.sha256)}</code>
            </p>
          ) : null}
        </>
      );
    }
    case 'link': {
      const other = str(obj(b.other).reference) ?? '';
      const kind = str(b.kind) ?? 'related';
      const kindText = t(
        `detail.links.kinds.${str(b.direction) === 'from' ? `${kind}-reverse` : kind}`,
      );
      return say(str(b.action) === 'removed' ? 'link-removed' : 'link-added', {
        kind: kindText,
        other,
      });
    }
    case 'merge': {
      const other = str(obj(b.other).reference) ?? '';
      return (
        <>
          {say(str(b.direction) === 'from' ? 'merged-from' : 'merged-into', { other })}
          {str(b.comment) ? (
            <blockquote className="timeline__quote">{str(b.comment)}</blockquote>
          ) : null}
        </>
      );
    }
    case 'access':
      return say(str(b.action) === 'revoked' ? 'access-revoked' : 'access-granted', {
        name: str(b.name) ?? event.actor,
      });
    case 'mail-in':
    case 'mail-out':
      return (
        <dl className="timeline__fields">
          {str(b.from) ? (
            <Pair name={t('detail.timeline.mail.from')} value={str(b.from)} ltr />
          ) : null}
          {b.to ? <Pair name={t('detail.timeline.mail.to')} value={show(b.to)} ltr /> : null}
          {str(b.subject) ? (
            <Pair name={t('detail.timeline.mail.subject')} value={str(b.subject)} />
          ) : null}
          {str(b.language) ? (
            <Pair name={t('detail.timeline.mail.language')} value={str(b.language)} />
          ) : null}
          {str(b.pgp) ? <Pair name={t('detail.timeline.mail.pgp')} value={str(b.pgp)} /> : null}
        </dl>
      );
    case 'escalation':
      return <EscalationBody body={b} />;
    case 'sla': {
      const due = str(b.dueAt);
      const done = str(b.doneAt);
      return (
        <>
          {say(str(b.clock) === 'resolve' ? 'sla-resolve' : 'sla-ack', {
            due: due ? formatDateTime(due) : '',
          })}
          {done ? say('sla-late', { at: formatDateTime(done) }) : null}
        </>
      );
    }
    case 'shared':
      return say('shared', {
        tlp: (str(b.tlp) ?? '').toUpperCase(),
        collection: str(b.collectionTitle) ?? str(b.collectionId) ?? '',
        total: typeof b.objects === 'number' ? b.objects : 0,
      });
    default:
      return <GenericBody body={b} />;
  }
}

/** Field changes `{ field: { from, to } }` with field names and values in words. */
function TriageChanges({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useTranslation('incidents');
  const { reference, me } = useIncident();
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('detail.timeline.none');
    const text = show(v);
    switch (field) {
      case 'tlp':
        return `TLP:${text.toUpperCase()}`;
      case 'pap':
        return `PAP:${text.toUpperCase()}`;
      case 'severity':
        return reference.ladder.find((l) => l.id === text)?.name ?? text;
      case 'impact':
        return t(`core.impact.${text}`);
      case 'rsitClass':
        return reference.rsit.find((c) => c.id === text)?.name ?? text;
      case 'rsitType':
        return reference.rsit.flatMap((c) => c.types).find((ty) => ty.id === text)?.name ?? text;
      case 'queue':
        return reference.queues.find((q) => q.id === text)?.name ?? text;
      case 'assigneeId':
        return text === me.id
          ? me.displayName
          : (reference.users?.find((u) => u.id === text)?.displayName ??
              t('detail.triage.someoneElse'));
      case 'sector':
        return t(`core.sectors.${text}`, { defaultValue: text });
      default:
        return text;
    }
  };
  const entries = Object.entries(changes).filter(
    ([, c]) => c !== null && typeof c === 'object' && 'to' in c,
  ) as [string, { from: unknown; to: unknown }][];
  const shown = entries.filter(([, c]) => c.from !== c.to);
  return (
    <ul className="timeline__list">
      {shown.map(([field, c]) => (
        <li key={field}>
          {field === 'description'
            ? t('detail.timeline.descriptionChanged')
            : t('detail.timeline.change', {
                field: t(`core.fields.${field === 'assigneeId' ? 'assignee' : field}`, {
                  defaultValue: field,
                }),
                from: value(field, c.from),
                to: value(field, c.to),
              })}
        </li>
      ))}
    </ul>
  );
}

function EscalationBody({ body }: { body: Record<string, unknown> }) {
  const { t } = useTranslation('incidents');
  const list = (Array.isArray(body.escalations) ? body.escalations : []) as Escalation[];
  const names = usePlanNames(str(body.projectId), lacksNames(list));
  const { reference } = useIncident();
  const levelName = (id: string | null, stored: string | null) =>
    id
      ? (stored ?? reference.ladder.find((l) => l.id === id)?.name ?? id)
      : t('core.fields.notAssessed');
  const note =
    body.note && typeof body.note === 'object'
      ? str((body.note as { message?: unknown }).message)
      : null;
  return (
    <div className="escalation">
      {str(body.from) || str(body.to) ? (
        <p className="timeline__text">
          {t('detail.timeline.severityChange', {
            from: levelName(str(body.from), str(body.fromName)),
            to: levelName(str(body.to), str(body.toName)),
          })}
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="timeline__text">{note ?? t('detail.timeline.noEscalation')}</p>
      ) : (
        <ul className="escalation__list" data-testid="escalation-list">
          {list.map((e, index) => {
            const ids = e.contactIds ?? [];
            const who = [
              ...ids.map((id, i) => e.contactNames?.[i] ?? names.contact(id)),
              ...(e.operatorNames ?? []),
            ].join(', ');
            return (
              <li key={index} className="escalation__item">
                <strong>
                  {e.kind === 'checklist'
                    ? t('detail.timeline.escalation.checklist', {
                        step: e.stepTitle ?? names.step(e.stepId ?? ''),
                      })
                    : e.kind === 'owner'
                      ? t('detail.timeline.escalation.owner')
                      : t('detail.timeline.escalation.notify', {
                          audience: e.audienceName ?? names.audience(e.audience ?? ''),
                        })}
                </strong>
                {who ? <span> — {who}</span> : null}
                {e.channel ? <span> · {e.channel}</span> : null}
                {e.dueAt ? (
                  <span className="escalation__due">
                    {' '}
                    {t('detail.timeline.escalation.by', { at: formatDateTime(e.dueAt) })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Pair({ name, value, ltr }: { name: string; value: string | null; ltr?: boolean }) {
  return (
    <div className="timeline__pair">
      <dt>{name}</dt>
      <dd dir={ltr ? 'ltr' : undefined}>{value}</dd>
    </div>
  );
}

function GenericBody({ body }: { body: Record<string, unknown> }) {
  const entries = Object.entries(body).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return null;
  return (
    <dl className="timeline__fields">
      {entries.map(([key, value]) => (
        <Pair key={key} name={key} value={show(value)} />
      ))}
    </dl>
  );
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('from' in v && 'to' in v) return `${show(v.from) || '—'} → ${show(v.to) || '—'}`;
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join('; ');
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
