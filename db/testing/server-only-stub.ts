// Stands in for the `server-only` package under vitest, where nothing runs in a browser.
export {};
