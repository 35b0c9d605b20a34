import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

const PING_TIMEOUT_MS = 2_000;

/** "up" when the database answers a trivial query within two seconds, else "unavailable". */
export async function checkDatabase(): Promise<"up" | "unavailable"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"unavailable">((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), PING_TIMEOUT_MS);
  });
  const ping = getDb()
    .then((db) => db.execute(sql`select 1`))
    .then(() => "up" as const, () => "unavailable" as const);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
