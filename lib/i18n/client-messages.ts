/**
 * The messages the browser needs: those of client components only. The rest are used on the
 * server and would only add weight to every page (all messages were 50 kB of each page's
 * HTML). client-messages.test.ts checks every client component's namespaces are listed.
 */
export const CLIENT_MESSAGE_PATHS = [
  'account', 'apiTokens', 'caseEdit', 'caseForm', 'caseImport', 'caseList', 'caseStatus', 'caseTeam.errors',
  'errors', 'home.find', 'language', 'login', 'nav', 'passwordRules', 'people', 'priority', 'referenceLists',
  'roles', 'setPassword', 'shell', 'twoStep',
] as const;

type Messages = Record<string, unknown>;

/** The parts of `messages` at the given dotted paths, nested as in the original. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: unknown = messages;
    for (const key of keys) from = from && typeof from === 'object' ? (from as Messages)[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[keys.at(-1)!] = from;
  }
  return picked;
}
