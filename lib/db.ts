import "server-only";
import { openDatabase, type Database } from "@/db/client";
import { serviceUnavailable } from "@/lib/errors";
import { prepareDatabase } from "@/lib/startup";

/**
 * The app's one database handle per process, kept across hot reloads and bundles. It is opened lazily
 * (migrated and seeded on first open), so the server starts whether or not the database is up; while it
 * cannot be opened, callers get a 503 at once and a background retry keeps trying.
 */
type DatabaseState = {
  db?: Database;
  opening?: Promise<Database>;
  lastFailure?: { at: number; message: string };
  retries: number;
  retryTimer?: NodeJS.Timeout;
};

const globalForDb = globalThis as unknown as { nexorDatabase?: DatabaseState };
const state: DatabaseState = (globalForDb.nexorDatabase ??= { retries: 0 });

// A request arriving this soon after a failed open fails at once instead of trying again itself.
const MIN_RETRY_INTERVAL_MS = 1_000;
const MAX_BACKGROUND_RETRY_MS = 15_000;

export function getDb(): Promise<Database> {
  if (state.db) return Promise.resolve(state.db);
  if (state.opening) return state.opening;
  if (state.lastFailure && Date.now() - state.lastFailure.at < MIN_RETRY_INTERVAL_MS) {
    return Promise.reject(serviceUnavailable());
  }
  return open();
}

function open(): Promise<Database> {
  clearTimeout(state.retryTimer);
  state.opening = (async () => {
    const connection = await openDatabase({ holder: "the Next.js server" });
    try {
      await prepareDatabase(connection);
    } catch (error) {
      await connection.close().catch(() => {});
      throw error;
    }
    return connection.db;
  })()
    .then((db) => {
      if (state.lastFailure) console.log("Database is reachable again.");
      Object.assign(state, { db, lastFailure: undefined, retries: 0 });
      return db;
    })
    .catch((error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (state.lastFailure?.message !== message) console.error(`Database unavailable: ${message} (retrying in the background)`);
      state.lastFailure = { at: Date.now(), message };
      scheduleBackgroundRetry();
      throw serviceUnavailable();
    })
    .finally(() => {
      state.opening = undefined;
    });
  return state.opening;
}

function scheduleBackgroundRetry() {
  const delay = Math.min(MIN_RETRY_INTERVAL_MS * 2 ** state.retries++, MAX_BACKGROUND_RETRY_MS);
  state.retryTimer = setTimeout(() => void getDb().catch(() => {}), delay);
  state.retryTimer.unref();
}

/** Starts opening the database without waiting for it (server start). */
export function openDatabaseInBackground() {
  void getDb().catch(() => {});
}
