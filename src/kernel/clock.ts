/** Time source, injectable so that lockouts, expiries and SLA logic are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO 8601 UTC with milliseconds: the one timestamp format stored and exchanged. */
export function isoNow(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
