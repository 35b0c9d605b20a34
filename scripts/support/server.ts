import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Starts the production server (`npm start`'s scripts/serve.ts) on a free loopback port and waits until /api/health answers 200 (`healthy`), or
 * answers at all (`listening`: for a server whose database is meant to be down).
 */
export async function startServer(
  env: NodeJS.ProcessEnv,
  logFile: string,
  options: { waitFor: "healthy" | "listening" } = { waitFor: "healthy" },
): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void>; kill: () => Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, "a");
  const server = spawn(process.execPath, ["scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root, env, stdio: ["ignore", log, log], detached: true,
  });
  const stop = () => stopServer(server);
  // SIGKILL: no shutdown handler runs, as in a crash or an OOM kill.
  const kill = () => new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.on("exit", () => resolve());
    process.kill(-server.pid!, "SIGKILL");
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const health = await fetch(`${baseUrl}/api/health`);
      // Detached: the server leads a process group of its own, whose id is its pid.
      if (health.ok || options.waitFor === "listening") return { baseUrl, pid: server.pid!, stop, kill };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server did not become ready within 60 s. Its log:\n${fs.readFileSync(logFile, "utf8")}`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => process.kill(-server.pid!, "SIGKILL"), 10_000);
    server.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(-server.pid!, "SIGTERM");
  });
}
