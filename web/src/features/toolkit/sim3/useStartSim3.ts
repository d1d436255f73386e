import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../app/errors';
import { sim3Path, startSim3 } from './api';

/**
 * Starts a SIM3 assessment (blank, or a re-assessment from an earlier one's levels and
 * evidence) and opens it; while the request runs, `busy` blocks a second start.
 */
export function useStartSim3(projectId: string) {
  const { t } = useTranslation('toolkit');
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (copyFrom?: string) => {
    setBusy(true);
    setError(null);
    try {
      const created = await startSim3(projectId, copyFrom);
      void navigate(sim3Path(projectId, created.id));
    } catch (e) {
      setError(describeError(t, e).message);
    } finally {
      setBusy(false);
    }
  };
  return { start, busy, error };
}
