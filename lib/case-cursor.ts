import { z } from 'zod';
import { CASE_SORTS, type CaseSort } from './case-filters';

/**
 * A position in the case list: the sort it belongs to, the sort key of a row and the
 * row's id (the tie-breaker). Opaque to users; checked again when read back.
 */
export type CaseCursor = { sort: CaseSort; key: string[]; id: string };

const cursorShape = z.object({
  sort: z.enum(CASE_SORTS),
  key: z.array(z.string().max(40)).max(4),
  id: z.uuid(),
});

export function encodeCaseCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

/** A malformed cursor, or one made for another sort, reads as "no cursor": the first page. */
export function decodeCaseCursor(raw: string | undefined, sort: CaseSort): CaseCursor | null {
  if (!raw) return null;
  try {
    const [cursorSort, key, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const parsed = cursorShape.safeParse({ sort: cursorSort, key, id });
    return parsed.success && parsed.data.sort === sort ? parsed.data : null;
  } catch {
    return null;
  }
}
