import { z } from 'zod';

/** A position in a list ordered by (date, id): opaque to users, validated when read back. */
export type PageCursor = { date: string; id: string };

const cursorShape = z.object({ date: z.iso.date(), id: z.uuid() });

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.date}|${cursor.id}`).toString('base64url');
}

/** A malformed cursor reads as "no cursor": the first page, never an error. */
export function decodeCursor(raw: string): PageCursor | null {
  const [date, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const parsed = cursorShape.safeParse({ date, id });
  return parsed.success ? parsed.data : null;
}
