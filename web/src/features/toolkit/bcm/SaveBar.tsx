import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button } from '../../../ui';
import { fieldId, sectionOf, type IssueIndex, type Section } from './issues';
import { panelId } from './Tabs';
import type { BcmAnswer, BcmPlan } from './types';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; revision: number }
  | { kind: 'conflict' }
  | { kind: 'refused'; count: number }
  | { kind: 'failed'; message: string }
  | { kind: 'imported' }
  | { kind: 'importFailed' };

interface SaveBarProps {
  saved: BcmAnswer;
  dirty: boolean;
  issues: IssueIndex;
  state: SaveState;
  onSave(): void;
  onReload(): void;
  onImport(plan: BcmPlan): void;
  onImportError(): void;
  onShow(part: Section): void;
}

/** Takes the reader to the control an issue is about (or the nearest one that exists). */
function focusField(field: string, part: Section) {
  requestAnimationFrame(() => {
    const parts = field.split('.');
    for (let n = parts.length; n > 0; n -= 1) {
      const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
      if (element) {
        element.scrollIntoView({ block: 'center' });
        element.focus();
        return;
      }
    }
    document.getElementById(panelId('bcm', part))?.focus();
  });
}

/** Where the plan stands (revision, unsaved changes, issues), and saving or importing it. */
export function SaveBar({
  saved,
  dirty,
  issues,
  state,
  onSave,
  onReload,
  onImport,
  onImportError,
  onShow,
}: SaveBarProps) {
  const { t, i18n } = useTranslation('toolkit');
  const file = useRef<HTMLInputElement>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const count = issues.all.length;
  const readFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    try {
      const json = JSON.parse(await chosen.text()) as { plan?: BcmPlan } & Partial<BcmPlan>;
      const plan = json.plan ?? (json as BcmPlan);
      if (!Array.isArray(plan.levels)) throw new Error('not a plan');
      onImport(plan);
    } catch {
      onImportError();
    }
  };
  return (
    <div className="bcm-status">
      <div className="bcm-savebar" data-testid="bcm-savebar">
        <p className="bcm-savebar__revision">
          {saved.saved && saved.updatedAt
            ? t('bcm.save.revision', {
                revision: saved.revision,
                at: when(saved.updatedAt),
                by: saved.updatedBy ?? '?',
              })
            : t('bcm.save.default')}
        </p>
        <div className="bcm-savebar__badges">
          {dirty ? <Badge tone="warning">{t('bcm.save.unsaved')}</Badge> : null}
          {count > 0 ? (
            <Badge tone="danger">{t('bcm.save.issues', { n: count })}</Badge>
          ) : (
            <Badge tone="success">{t('bcm.save.noIssue')}</Badge>
          )}
        </div>
        <div className="bcm-savebar__actions">
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => void readFile(event.currentTarget)}
          />
          <Button onClick={() => file.current?.click()}>{t('bcm.save.import')}</Button>
          <Button
            variant="primary"
            busy={state.kind === 'saving'}
            onClick={onSave}
            data-testid="bcm-save"
          >
            {t('bcm.save.save')}
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {state.kind === 'saved' ? (
          <Alert tone="success" title={t('bcm.save.saved', { revision: state.revision })} />
        ) : null}
        {state.kind === 'imported' ? <Alert tone="info" title={t('bcm.save.imported')} /> : null}
      </div>
      {state.kind === 'conflict' ? (
        <Alert tone="error" title={t('bcm.save.conflict')}>
          <Button onClick={onReload}>{t('bcm.save.reload')}</Button>
        </Alert>
      ) : null}
      {state.kind === 'refused' ? (
        <Alert
          tone="error"
          title={t('bcm.save.refused', { n: state.count })}
          testId="bcm-refused"
        />
      ) : null}
      {state.kind === 'failed' ? <Alert tone="error" title={state.message} /> : null}
      {state.kind === 'importFailed' ? (
        <Alert tone="error" title={t('bcm.save.importFailed')} />
      ) : null}
      {count > 0 ? (
        <details className="bcm-issues" open={state.kind === 'refused' || undefined}>
          <summary>{t('bcm.save.issuesSummary', { n: count })}</summary>
          <ul>
            {issues.all.map((issue, i) => (
              <li key={`${issue.field}-${i}`}>
                <span>{issue.text}</span>{' '}
                <Button
                  variant="quiet"
                  onClick={() => {
                    const part = sectionOf(issue.field);
                    onShow(part);
                    focusField(issue.field, part);
                  }}
                >
                  {t('bcm.save.show')}
                  <span className="visually-hidden">: {issue.text}</span>
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
