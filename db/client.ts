import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDirectoryLock } from "./lock";
import { preparingEveryQuery } from "./prepare-all";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

type Connection = { db: Database; driver: "postgres" | "pglite"; close: () => Promise<void> };

const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");
const MIGRATION_LOCK_KEY = 727_001;

export function embeddedDataDir(): string {
  return path.resolve(process.env.PGLITE_DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite"));
}

/** Opens the configured database (DATABASE_URL, else the embedded PGlite directory) and applies migrations. */
export async function openDatabase(options: { holder: string }): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(embeddedDataDir(), options.holder);
}

/**
 * During an outage a request should fail in seconds, and the first one after recovery should not wait:
 * postgres.js waits 30 s for a connection by default and backs reconnects off up to 20 s.
 */
const failFast = {
  connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT_SECONDS ?? 2),
  backoff: (retries: number) => Math.min(0.1 * retries, 0.5),
  onnotice: () => {},
};

// db/timestamptz.ts reads timestamps as PostgreSQL writes them in the ISO DateStyle (its default), so a
// server, database or role set to another style ("Postgres, MDY": "Mon Dec 07 …") must not change it.
const DATE_STYLE = "ISO, MDY";
const isoDates = { connection: { DateStyle: DATE_STYLE } };

async function openPostgres(url: string): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");

  // One connection for migrations, held under an advisory lock so concurrent starts apply them once.
  const migrationClient = postgres(url, { ...failFast, ...isoDates, max: 1 });
  try {
    await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(migrationClient), { migrationsFolder });
    await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrationClient.end();
  }

  const client = preparingEveryQuery(postgres(url, { ...failFast, ...isoDates, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }));
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, driver: "postgres", close: () => client.end() };
}

async function openPglite(dataDir: string, holder: string): Promise<Connection> {
  const release = acquireDirectoryLock(dataDir, holder);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // Extensions must be loaded at open; migrations then CREATE EXTENSION them.
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    await client.exec(`set datestyle = '${DATE_STYLE}'`); // as for PostgreSQL above (one connection, so once)
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
