import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../app/api';
import { saveSim3, type Sim3Answer, type Sim3Answers, type Sim3View } from './api';

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

export interface Sim3Draft {
  answers: Sim3Answers;
  title: string;
  revision: number;
  state: SaveState;
  /** The server's words per parameter after a refused save (422), keyed by parameter id. */
  refused: Record<string, string>;
  /** Sets (or with null clears) one parameter; the draft saves itself shortly after. */
  setAnswer(parameterId: string, answer: Sim3Answer | null): void;
  /** Saves what is waiting now; true when everything is saved. */
  saveNow(): Promise<boolean>;
  /** The revision the server holds now (moves on with each save, even mid-render). */
  latestRevision(): number;
}

/** The parameter a problem's field names: `answers.O-1.level` → `O-1`. */
const parameterOf = (field: string) => /^(?:body\.)?answers\.([^.]+)/.exec(field)?.[1];

/**
 * The working copy of a SIM3 draft. Changes wait in a list and go in one PATCH a moment after
 * the user stops, or at once on "Save now". Saves run one after the other on a promise chain,
 * so each carries the revision the previous one returned; a change made while a save is in
 * flight stays pending and goes with the next one.
 */
export function useSim3Draft(view: Sim3View): Sim3Draft {
  const id = view.assessment.id;
  const [answers, setAnswers] = useState<Sim3Answers>(view.assessment.answers);
  const [title, setTitle] = useState(view.assessment.title);
  const [revision, setRevision] = useState(view.assessment.revision);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [refused, setRefused] = useState<Record<string, string>>({});

  const revisionRef = useRef(view.assessment.revision);
  const pending = useRef(new Map<string, Sim3Answer | null>());
  const stopped = useRef(false);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const send = useCallback(async (): Promise<boolean> => {
    if (stopped.current) return false;
    const sent = new Map(pending.current);
    if (sent.size === 0) return true;
    setState({ kind: 'saving' });
    try {
      const saved = await saveSim3(id, {
        revision: revisionRef.current,
        answers: Object.fromEntries(sent),
      });
      revisionRef.current = saved.assessment.revision;
      setRevision(saved.assessment.revision);
      setTitle(saved.assessment.title);
      setRefused({});
      // Only what did not change again while the request ran is now on the server.
      for (const [key, value] of sent)
        if (pending.current.get(key) === value) pending.current.delete(key);
      const more = pending.current.size > 0;
      setState(more ? { kind: 'dirty' } : { kind: 'saved', at: saved.assessment.updatedAt });
      return !more;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        stopped.current = true;
        setState({ kind: 'conflict', error });
      } else {
        if (error instanceof ApiError)
          setRefused(
            Object.fromEntries(
              (error.problem.errors ?? []).flatMap((issue) => {
                const parameter = parameterOf(issue.field);
                return parameter ? [[parameter, issue.message]] : [];
              }),
            ),
          );
        setState({ kind: 'failed', error });
      }
      return false;
    }
  }, [id]);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    const next = chain.current.then(send);
    chain.current = next;
    return next;
  }, [send]);

  const setAnswer = useCallback(
    (parameterId: string, answer: Sim3Answer | null) => {
      if (stopped.current) return;
      setAnswers((current) => {
        const next = { ...current };
        if (answer) next[parameterId] = answer;
        else delete next[parameterId];
        return next;
      });
      pending.current.set(parameterId, answer);
      setState({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), autosaveDelayMs);
    },
    [saveNow],
  );

  // Closing the tab with unsaved changes asks first; leaving the page saves what is waiting.
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
      if (waiting.size > 0) void saveNow();
    };
  }, [saveNow]);

  const latestRevision = useCallback(() => revisionRef.current, []);

  return { answers, title, revision, state, refused, setAnswer, saveNow, latestRevision };
}
