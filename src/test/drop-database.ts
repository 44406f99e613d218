import type postgres from 'postgres';

/**
 * Drops a database a test made. The runtime login's sessions end a moment after their client
 * closed them, and the owner login that drops may not end them itself (it is no member of that
 * login): it waits up to 30 s for other logins' sessions to go, then drops, ending its own.
 */
export async function dropTestDatabase(admin: postgres.Sql, name: string) {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const [open] = await admin<{ sessions: number }[]>`
      select count(*)::int as sessions from pg_stat_activity
      where datname = ${name} and usename <> current_user`;
    if (open!.sessions === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
}
