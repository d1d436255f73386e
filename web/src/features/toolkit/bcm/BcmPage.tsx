import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { Alert, Loading, PageHeader } from '../../../ui';
import { useProject } from '../projects/ProjectContext';
import { getBcm, saveBcm, validateBcm } from './api';
import { BcmEditor, type Part } from './BcmEditor';
import { ExportLinks } from './ExportLinks';
import { SaveBar, type SaveState } from './SaveBar';
import { indexIssues, shapeIssues } from './issues';
import { edited, type PlanEdit } from './plan';
import { PlanView } from './PlanView';
import { SimulatePanel } from './SimulatePanel';
import type { BcmAnswer, BcmIssue, BcmPlan } from './types';
import '../../../ui/theme-toolkit-bcm.css';

/** The BCM and crisis-management plan of a project: edit it part by part, check it live, save it. */
export default function BcmPage() {
  const { t, i18n } = useTranslation('toolkit');
  const { project, access } = useProject();
  const lang = i18n.language;
  const resource = useResource(() => getBcm(project.id, lang), [project.id, lang]);
  const [saved, setSaved] = useState<BcmAnswer | null>(null);
  const [draft, setDraft] = useState<BcmPlan | null>(null);
  const [issues, setIssues] = useState<BcmIssue[]>([]);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [params, setParams] = useSearchParams();
  const part = (params.get('part') ?? 'ladder') as Part;
  useDocumentTitle(`${t('bcm.title')} · ${project.name}`);

  useEffect(() => {
    if (!resource.data) return;
    setSaved(resource.data);
    setDraft(resource.data.plan);
    setIssues(resource.data.issues);
  }, [resource.data]);

  // Check the draft on the server a moment after each change, so problems show as one types.
  useEffect(() => {
    if (!draft || !saved || draft === saved.plan) return;
    let live = true;
    const timer = setTimeout(() => {
      validateBcm(project.id, draft).then(
        (answer) => live && setIssues(answer.issues),
        (error: unknown) => {
          if (live && error instanceof ApiError && error.status === 422)
            setIssues(shapeIssues(error.problem.errors ?? []));
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, saved, project.id]);

  const dirty = useMemo(
    () => draft !== null && saved !== null && JSON.stringify(draft) !== JSON.stringify(saved.plan),
    [draft, saved],
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = useCallback((edit: PlanEdit) => {
    setDraft((plan) => (plan ? edited(plan, edit) : plan));
    setState((s) => (s.kind === 'saved' || s.kind === 'imported' ? { kind: 'idle' } : s));
  }, []);

  const save = async () => {
    if (!draft || !saved) return;
    setState({ kind: 'saving' });
    try {
      const answer = await saveBcm(project.id, draft, saved.revision);
      setSaved(answer);
      setDraft(answer.plan);
      setIssues(answer.issues);
      setState({ kind: 'saved', revision: answer.revision });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') setState({ kind: 'conflict' });
      else if (error instanceof ApiError && error.status === 422)
        setState({ kind: 'refused', count: error.problem.errors?.length ?? 0 });
      else setState({ kind: 'failed', message: describeError(t, error).message });
    }
  };

  const index = useMemo(() => indexIssues(t, issues), [t, issues]);
  if (resource.status === 'failed' && !saved)
    return <Alert tone="error" title={describeError(t, resource.error).message} />;
  if (!draft || !saved) return <Loading />;
  const canEdit = access.canEdit && saved.canEdit;
  const exports = <ExportLinks projectId={project.id} lang={lang} dirty={dirty} />;

  return (
    <section className="bcm-page">
      <PageHeader title={t('bcm.title')} description={t('bcm.description')} actions={exports} />
      {canEdit ? (
        <>
          <SaveBar
            saved={saved}
            dirty={dirty}
            issues={index}
            state={state}
            onSave={() => void save()}
            onReload={() => {
              setState({ kind: 'idle' });
              resource.reload();
            }}
            onImport={(plan) => {
              setDraft(plan);
              setState({ kind: 'imported' });
            }}
            onImportError={() => setState({ kind: 'importFailed' })}
            onShow={(p) => setParams({ part: p }, { replace: true })}
          />
          <BcmEditor
            plan={draft}
            change={change}
            issues={index}
            part={part}
            onPart={(p) => setParams({ part: p }, { replace: true })}
            simulate={
              <SimulatePanel projectId={project.id} plan={saved.plan} saved={saved.saved} />
            }
          />
        </>
      ) : (
        <>
          <Alert tone="info" title={t('bcm.readOnly')} />
          {saved.saved ? null : <p className="muted">{t('bcm.notSavedYet')}</p>}
          <PlanView plan={saved.plan} />
          <SimulatePanel projectId={project.id} plan={saved.plan} saved={saved.saved} />
        </>
      )}
    </section>
  );
}
