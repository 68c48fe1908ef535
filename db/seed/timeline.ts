import { at, type Day } from './dates';
import type { Rng } from './random';
import type { CaseEventRow } from './types';

type Pending = { day: Day; kind: string; actorId: string; data: Record<string, unknown> };

/** Collects a case's timeline in logical order and gives each event a moment on its day. */
export class Timeline {
  private pending: Pending[] = [];

  add(day: Day, kind: string, actorId: string, data: Record<string, unknown> = {}): void {
    this.pending.push({ day, kind, actorId, data });
  }

  /** Office hours in Phnom Penh; same-day events keep their logical order. */
  flush(rng: Rng, investigationId: string): CaseEventRow[] {
    const ordered = this.pending
      .map((event, index) => ({ event, index }))
      .sort((a, b) => (a.event.day < b.event.day ? -1 : a.event.day > b.event.day ? 1 : a.index - b.index));
    let last = 0;
    return ordered.map(({ event }) => {
      let moment = at(event.day, rng.int(8 * 60, 17 * 60)).getTime();
      if (moment <= last) moment = last + rng.int(5, 40) * 60_000;
      last = moment;
      return { investigationId, at: new Date(moment), actorId: event.actorId, kind: event.kind, data: event.data };
    });
  }
}
