import { createContext, useContext } from 'react';
import type { IncidentReference, IncidentView } from '../types';

export interface IncidentContextValue {
  incident: IncidentView;
  reference: IncidentReference;
  /** Replaces the incident after a write answered with its new state. */
  setIncident(incident: IncidentView): void;
  /** Reloads the incident and bumps `version` so panels reload their lists too. */
  refresh(): void;
  /** Bumped after every write, so the timeline and lists reload. */
  version: number;
  canHandle: boolean;
  canManage: boolean;
  me: { id: string; displayName: string };
}

export const IncidentContext = createContext<IncidentContextValue | null>(null);

export function useIncident(): IncidentContextValue {
  const value = useContext(IncidentContext);
  if (!value) throw new Error('useIncident outside an incident page');
  return value;
}
