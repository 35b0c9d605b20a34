import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/db/client";

export type EmbeddedDatabase = { db: Database; close: () => Promise<void> };

/** A fresh embedded (PGlite) database in a directory of its own, migrated; close() removes it. */
export async function openEmbeddedDatabase(label: string): Promise<EmbeddedDatabase> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `nexor-${label.replaceAll(" ", "-")}-`));
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = path.join(workDir, "pglite");
  const connection = await openDatabase({ holder: `${label} tests` });
  return {
    db: connection.db,
    close: async () => {
      await connection.close();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
