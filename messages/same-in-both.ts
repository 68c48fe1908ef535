/**
 * Message values that may read the same in English and Khmer: codes, file formats and
 * examples of case references. Anything else identical in both files is an untranslated
 * message. Values without letters (a dash, a lone placeholder) need no entry.
 */
export const SAME_IN_BOTH: ReadonlySet<string> = new Set(['CSV', 'PDF', 'XLSX', 'UTC', 'CPU', 'CPU-2021-0042', 'CPU-2021-0001']);

/** True when a message has letters a reader would have to read (placeholders aside). */
export function hasWords(message: string): boolean {
  return /\p{L}/u.test(message.replace(/\{[^{}]*\}/g, ''));
}
