import "server-only";
import { openDatabase, type Database } from "@/db/client";

const globalForDb = globalThis as unknown as { nexorDb?: Promise<{ db: Database }> };

/** The app's one database handle per process, kept across hot reloads and bundles. */
export function getDb(): Promise<Database> {
  globalForDb.nexorDb ??= openDatabase({ holder: "the Next.js server" }).catch((error) => {
    globalForDb.nexorDb = undefined;
    throw error;
  });
  return globalForDb.nexorDb.then((connection) => connection.db);
}
