import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";

const PING_TIMEOUT_MS = 2_000;

/** "up" when the database answers a trivial query within two seconds, else "down". */
export async function checkDatabase(): Promise<"up" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"down">((resolve) => {
    timer = setTimeout(() => resolve("down"), PING_TIMEOUT_MS);
  });
  const ping = getDb()
    .then((db) => db.execute(sql`select 1`))
    .then(() => "up" as const, () => "down" as const);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
