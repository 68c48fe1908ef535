// Runs once when a server instance starts: pending migrations are applied before the first
// request (under an advisory lock on PostgreSQL, so several instances may start together).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { migrateDatabase } = await import('./db/migrate');
  await migrateDatabase();
}
