import fs from "node:fs";
import path from "node:path";

export class DatabaseInUseError extends Error {}

/**
 * PGlite has no lock of its own and two processes on one directory corrupt it silently,
 * so every opener takes this pid file first. A lock left by a dead process is taken over.
 */
export function acquireDirectoryLock(dataDir: string, holder: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  const content = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (readLock(lockPath)?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLock(lockPath);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DatabaseInUseError(
          `The embedded database at ${dataDir} is in use by process ${owner.pid} (${owner.holder}). ` +
            `Stop it first (Ctrl-C in its terminal, or \`kill ${owner.pid}\`), or set DATABASE_URL to use a PostgreSQL server.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database at ${dataDir}.`);
}

function readLock(lockPath: string): { pid: number; holder: string } | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
