import { useEffect, useState } from 'react';
import type { Locale } from '../../../app/types';
import { previewRfc2350 } from './api';
import type { Preview, Rfc2350Profile } from './types';

/**
 * The document and security.txt of the profile being edited, rendered by the server a moment
 * after typing stops. An answer that arrives after a newer request started is dropped.
 */
export function usePreview(
  projectId: string,
  profile: Rfc2350Profile | null,
  lang: Locale,
  delayMs = 350,
): { preview: Preview | null; pending: boolean; failed: unknown } {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (!profile) return;
    let live = true;
    setPending(true);
    const timer = window.setTimeout(() => {
      previewRfc2350(projectId, profile, lang).then(
        (answer) => {
          if (!live) return;
          setPreview(answer);
          setFailed(null);
          setPending(false);
        },
        (error: unknown) => {
          if (!live) return;
          setFailed(error);
          setPending(false);
        },
      );
    }, delayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [projectId, profile, lang, delayMs]);
  return { preview, pending, failed };
}
