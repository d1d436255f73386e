import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../app/api';
import {
  saveAnswers,
  type AssessmentView,
  type ReadinessAnswer,
  type ReadinessAnswers,
  type ReadinessResult,
} from './api';

/** How long after the last change the draft saves itself. */
export const autosaveDelayMs = 800;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** Someone saved meanwhile or the assessment became final: only a reload helps. */
  | { kind: 'conflict'; error: unknown }
  | { kind: 'failed'; error: unknown };

export interface Draft {
  answers: ReadinessAnswers;
  title: string;
  result: ReadinessResult;
  revision: number;
  state: SaveState;
  /** Sets (or with null clears) one answer; the draft saves itself shortly after. */
  setAnswer(questionId: string, answer: ReadinessAnswer | null): void;
  /** Renames the assessment and saves at once. */
  rename(title: string): Promise<boolean>;
  /** Saves what is waiting now; true when everything is saved. */
  saveNow(): Promise<boolean>;
  /** The revision the server holds now (after the last save). */
  currentRevision(): number;
}

/**
 * The working copy of a readiness draft. Changes are kept as a list of what is not yet on the
 * server and sent in one PATCH a moment after the user stops, or at once on "Save draft". Saves
 * run one after the other on a promise chain, so each carries the revision the last one
 * returned; a change made while a save is in flight stays pending and goes with the next one.
 */
export function useDraft(view: AssessmentView): Draft {
  const id = view.assessment.id;
  const [answers, setAnswers] = useState<ReadinessAnswers>(view.assessment.answers);
  const [title, setTitle] = useState(view.assessment.title);
  const [result, setResult] = useState(view.result.readiness);
  const [revision, setRevision] = useState(view.assessment.revision);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const revisionRef = useRef(view.assessment.revision);
  const pending = useRef(new Map<string, ReadinessAnswer | null>());
  const pendingTitle = useRef<string | undefined>(undefined);
  const stopped = useRef(false);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const send = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    const sent = new Map(pending.current);
    const sentTitle = pendingTitle.current;
    if (sent.size === 0 && sentTitle === undefined) return true;
    setState({ kind: 'saving' });
    try {
      const saved = await saveAnswers(id, {
        revision: revisionRef.current,
        answers: Object.fromEntries(sent),
        ...(sentTitle !== undefined ? { title: sentTitle } : {}),
      });
      revisionRef.current = saved.assessment.revision;
      setRevision(saved.assessment.revision);
      setResult(saved.result.readiness);
      setTitle(saved.assessment.title);
      // Only what did not change again while the request ran is now on the server.
      for (const [key, value] of sent)
        if (pending.current.get(key) === value) pending.current.delete(key);
      if (pendingTitle.current === sentTitle) pendingTitle.current = undefined;
      const more = pending.current.size > 0 || pendingTitle.current !== undefined;
      setState(more ? { kind: 'dirty' } : { kind: 'saved', at: saved.assessment.updatedAt });
      return !more;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        stopped.current = true;
        setState({ kind: 'conflict', error });
      } else setState({ kind: 'failed', error });
      return false;
    }
  }, [id]);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    const next = chain.current.then(send);
    chain.current = next;
    return next;
  }, [send]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), autosaveDelayMs);
  }, [saveNow]);

  const setAnswer = useCallback(
    (questionId: string, answer: ReadinessAnswer | null) => {
      if (stopped.current) return;
      setAnswers((current) => {
        const next = { ...current };
        if (answer) next[questionId] = answer;
        else delete next[questionId];
        return next;
      });
      pending.current.set(questionId, answer);
      setState({ kind: 'dirty' });
      schedule();
    },
    [schedule],
  );

  const rename = useCallback(
    (next: string) => {
      pendingTitle.current = next;
      return saveNow();
    },
    [saveNow],
  );

  // Leaving the page saves what is waiting; closing the tab with unsaved changes asks first.
  const dirty = state.kind === 'dirty' || state.kind === 'saving' || state.kind === 'failed';
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    const waiting = pending.current;
    return () => {
      if (waiting.size > 0 || pendingTitle.current !== undefined) void saveNow();
    };
  }, [saveNow]);

  const currentRevision = useCallback(() => revisionRef.current, []);
  return { answers, title, result, revision, state, setAnswer, rename, saveNow, currentRevision };
}
