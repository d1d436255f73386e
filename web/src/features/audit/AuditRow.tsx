import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { AuditEntry, JsonValue } from '../../app/types';

const columnCount = 6;

/** Top-level fields whose value differs between the two snapshots. */
function changedFields(before: AuditEntry['before'], after: AuditEntry['after']): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
    JSON.stringify(a) === JSON.stringify(b);
  return [...keys].filter((key) => !same(before?.[key], after?.[key]));
}

function Snapshot({ title, value }: { title: string; value: AuditEntry['before'] }) {
  const { t } = useTranslation();
  return (
    <div className="snapshot">
      <p className="snapshot__title">{title}</p>
      {value === null ? (
        <p className="snapshot__empty">{t('audit.details.none')}</p>
      ) : (
        <pre className="snapshot__json" dir="ltr" tabIndex={0}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** One log entry; its disclosure button reveals the before/after snapshots in the next row. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const detailsId = `audit-details-${entry.seq}`;
  const changed = changedFields(entry.before, entry.after);
  const hasSnapshots = entry.before !== null || entry.after !== null;

  return (
    <>
      <tr className={expanded ? 'row--expanded' : undefined}>
        <td className="cell--tight">
          {hasSnapshots ? (
            <button
              type="button"
              className="disclosure"
              aria-expanded={expanded}
              aria-controls={detailsId}
              onClick={() => setExpanded((value) => !value)}
            >
              <span className="disclosure__icon" aria-hidden="true" />
              <span className="visually-hidden">
                {t(expanded ? 'audit.details.hide' : 'audit.details.show', { seq: entry.seq })}
              </span>
            </button>
          ) : null}
        </td>
        <th scope="row" className="cell--nowrap">
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        </th>
        <td>{entry.actorLabel ? <bdi>{entry.actorLabel}</bdi> : t('audit.system')}</td>
        <td>
          {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
          <code className="cell__code" dir="ltr">
            {entry.action}
          </code>
        </td>
        <td>
          {t(`audit.entityTypes.${entry.entityType}`, { defaultValue: entry.entityType })}
          {entry.entityId ? (
            <code className="cell__code" dir="ltr">
              {entry.entityId}
            </code>
          ) : null}
        </td>
        <td>
          <bdi dir="ltr">{entry.ip ?? ''}</bdi>
        </td>
      </tr>
      {hasSnapshots ? (
        <tr id={detailsId} hidden={!expanded} className="row--details">
          <td colSpan={columnCount}>
            <p className="snapshot__meta">
              {t('audit.details.seq', { seq: entry.seq })}
              {entry.requestId ? (
                <>
                  {' · '}
                  {t('audit.details.requestId')} <code dir="ltr">{entry.requestId}</code>
                </>
              ) : null}
            </p>
            {changed.length > 0 ? (
              <p className="snapshot__meta">
                {t('audit.details.changed')} <code dir="ltr">{changed.join(', ')}</code>
              </p>
            ) : null}
            <div className="snapshots">
              <Snapshot title={t('audit.details.before')} value={entry.before} />
              <Snapshot title={t('audit.details.after')} value={entry.after} />
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
