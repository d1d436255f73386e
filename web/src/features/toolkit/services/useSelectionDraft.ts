import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { getServices, saveServices, type ServicesState } from './api';
import { sameSelection, toSaved, type ServiceSelection } from './selection';

export type SaveOutcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  /** Someone else saved meanwhile: only a reload (losing these changes) helps. */
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string; details: string[] };

/**
 * The selection being edited beside the one saved on the server. Nothing is sent until the user
 * saves; the save carries the revision read, so two people planning at once do not overwrite
 * each other. While there are unsaved changes, leaving the page asks first.
 */
export function useSelectionDraft(projectId: string) {
  const { t } = useTranslation('toolkit');
  const state = useResource(() => getServices(projectId), [projectId]);
  const [loaded, setLoaded] = useState<ServicesState | null>(null);
  const [saved, setSaved] = useState<{ selection: ServiceSelection; revision: number } | null>(
    null,
  );
  const [draft, setDraft] = useState<ServiceSelection>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'none' });

  // A new answer from the server (first load or reload) replaces the working copy.
  if (state.data && state.data !== loaded) {
    setLoaded(state.data);
    setSaved({ selection: state.data.selection, revision: state.data.revision });
    setDraft(state.data.selection);
  }

  const dirty = saved !== null && !sameSelection(saved.selection, draft);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function edit(change: (selection: ServiceSelection) => ServiceSelection) {
    setDraft(change);
    setOutcome((o) => (o.kind === 'saved' ? { kind: 'none' } : o));
  }

  async function save() {
    if (!saved) return;
    setSaving(true);
    try {
      const answer = await saveServices(projectId, saved.revision, toSaved(draft));
      setSaved(answer);
      setDraft(answer.selection);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setOutcome({ kind: 'conflict' });
      else setOutcome({ kind: 'failed', ...describeError(t, error) });
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    if (saved) setDraft(saved.selection);
    setOutcome({ kind: 'none' });
  }

  function reload() {
    setOutcome({ kind: 'none' });
    state.reload();
  }

  return { state, draft, dirty, saving, outcome, edit, save, discard, reload };
}
