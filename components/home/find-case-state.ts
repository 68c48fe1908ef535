/** What the find-by-reference box shows after a search: the typed text, kept, and why nothing opened. */
export type FindCaseState = { reference?: string; notFound?: boolean; unavailable?: boolean };
