import type { Clock } from '../../src/kernel/index.js';

/** A clock the test moves by hand, for lockouts and expiries. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start = '2026-01-15T10:00:00.000Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
