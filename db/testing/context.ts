/** What the global setup hands to every test file (vitest provide / inject). */
export type TestDatabaseInfo =
  | {
      kind: 'postgres';
      /** Server connection for CREATE / DROP DATABASE. */
      serverUrl: string;
      /** Migrated and seeded database every test file clones. */
      template: string;
      /** Name prefix of this run's clones, so teardown can drop any left behind. */
      clonePrefix: string;
    }
  | {
      kind: 'pglite';
      /** Tarball of a migrated and seeded PGlite data directory (dumpDataDir). */
      dumpPath: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Database names are generated here, never taken from input; quoting them is enough. */
export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name ${name}`);
  return `"${name}"`;
}
