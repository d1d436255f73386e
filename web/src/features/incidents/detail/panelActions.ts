import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitError } from '../components/errors';
import { useIncident } from './context';

/**
 * One write at a time for a panel of the incident page: which one is busy (by key), the last
 * failure as one line, and the incident reloaded after a success. With `withFields` the line
 * also says the field messages of a refusal.
 *
 * @example
 * const { busy, failure, run } = usePanelActions({ withFields: true });
 * await run(entry.id, () => revokeAccess(incident.id, entry.id)); // true when it worked
 */
export function usePanelActions({ withFields }: { withFields: boolean }) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { refresh } = useIncident();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<unknown>): Promise<boolean> {
    setBusy(key);
    setFailure(null);
    try {
      await action();
      refresh();
      return true;
    } catch (error) {
      const split = splitError(t, tApp, error);
      setFailure(withFields ? [split.form, ...Object.values(split.fields)].join(' ') : split.form);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, setBusy, failure, setFailure, run };
}

/**
 * Deleting a row of a panel after a confirmation: `ask(item)` opens the dialog (spread `dialog`
 * on a ConfirmDialog), a success is said in `said` (for a status region) and, as the deleted
 * row held the focus, the panel's title (`titleRef`, with tabIndex -1) takes it once the
 * reloaded `items` no longer have the row.
 */
export function useConfirmedDelete<T extends { id: string }>(
  items: readonly T[],
  remove: (item: T) => Promise<unknown>,
  deletedMessage: (item: T) => string,
) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { refresh } = useIncident();
  const [doomed, setDoomed] = useState<T | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [deletedId, setDeletedId] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (deletedId !== null && !items.some((item) => item.id === deletedId)) {
      titleRef.current?.focus();
      setDeletedId(null);
    }
  }, [deletedId, items]);

  async function confirm(item: T) {
    setDeleting(true);
    setDeleteError(null);
    try {
      await remove(item);
      setDoomed(null);
      setSaid(deletedMessage(item));
      setDeletedId(item.id);
      refresh();
    } catch (error) {
      setDeleteError(splitError(t, tApp, error).form);
    } finally {
      setDeleting(false);
    }
  }

  function ask(item: T) {
    setDeleteError(null);
    setSaid('');
    setDoomed(item);
  }

  const dialog = {
    open: doomed !== null,
    busy: deleting,
    error: deleteError,
    onConfirm: () => {
      if (doomed) void confirm(doomed);
    },
    onCancel: () => setDoomed(null),
  };
  return { doomed, ask, dialog, said, titleRef };
}
