// Calendar days as 'YYYY-MM-DD' strings (the form drizzle uses for `date` columns).
// Arithmetic in UTC, so the server's time zone never changes the dataset.

const DAY_MS = 86_400_000;

export type Day = string;

export function dayOf(year: number, dayOfYear: number): Day {
  return new Date(Date.UTC(year, 0, 1) + dayOfYear * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}

export function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}

export function daysInYear(year: number): number {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

/** A moment on that day in Phnom Penh (UTC+7), `minutes` after midnight. */
export function at(day: Day, minutes: number): Date {
  const h = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return new Date(`${day}T${h}:${m}:00+07:00`);
}
