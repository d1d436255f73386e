import { createContext, useContext } from 'react';
import type { ProjectDetail } from '../types';

export interface ProjectContextValue extends ProjectDetail {
  /** Reloads the project (after a change of phase, members or name). */
  reload(): void;
}

export const ProjectContext = createContext<ProjectContextValue | null>(null);

/** The project of the page: every page under /toolkit/projects/:projectId has one. */
export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject outside a project page');
  return value;
}
