import type { Phase } from './content.schema.js';

/**
 * A gap found by an assessment or by the services chosen: something the team lacks, with the
 * roadmap task that closes it. The id is stable across re-assessments (`readiness.<question>`,
 * `sim3.<parameter>`, `service.<service>`, `service.<service>.<parameter>`), so the roadmap can
 * tell a new gap from one it already has a task for, and a closed gap from an open one.
 */
export interface Gap {
  id: string;
  source: 'readiness' | 'sim3' | 'services';
  /** The question, parameter or service the gap is about. */
  ref: string;
  /** Readiness area, SIM3 quadrant or service area. */
  area: string;
  title: string;
  detail: string;
  phase: Phase;
  /** Larger is more urgent; comparable within one source. */
  priority: number;
  /** What is there now and what is needed, as short labels (e.g. "2" and "3"). */
  current: string | null;
  target: string;
}
