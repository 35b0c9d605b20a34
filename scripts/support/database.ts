import path from "node:path";
import { openDatabase, type Database } from "@/db/client";

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];

/**
 * A fresh database for one run: a uniquely named database on the PostgreSQL server of `serverUrl`
 * (local only), or a PGlite directory under `workDir`. Returns the env the app needs and a drop().
 */
export async function createRunDatabase(
  serverUrl: string | undefined,
  workDir: string,
  label: string,
): Promise<{ env: Record<string, string>; description: string; drop: () => Promise<void> }> {
  if (!serverUrl) {
    return { env: { PGLITE_DATA_DIR: path.join(workDir, "pglite") }, description: "embedded PGlite", drop: async () => {} };
  }
  const url = new URL(serverUrl);
  if (!LOCAL_HOSTS.includes(url.hostname) && process.env.TEST_ALLOW_REMOTE_DB !== "1") {
    throw new Error(`Refusing to create ${label} databases on ${url.hostname}: only a local server is used (TEST_ALLOW_REMOTE_DB=1 overrides).`);
  }
  const name = `nexor_${label}_${Date.now()}_${process.pid}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    description: `PostgreSQL ${url.host}/${name} (dropped afterwards)`,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Runs `work` on the run database from this process, then closes it (PGlite allows one process at a time). */
export async function withRunDatabase<T>(databaseEnv: Record<string, string>, work: (db: Database) => Promise<T>): Promise<T> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };
  delete process.env.DATABASE_URL;
  Object.assign(process.env, databaseEnv);
  const connection = await openDatabase({ holder: "a test or bench script" });
  try {
    return await work(connection.db);
  } finally {
    await connection.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
