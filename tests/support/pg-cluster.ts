import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl on a free port, in a temporary
 * directory), so outage tests can stop and restart "the database" without touching the machine's server.
 * initdb refuses to run as root, so as root the binaries run as the `postgres` user.
 */
export class ThrowawayCluster {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(): Promise<ThrowawayCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-pg-"));
    fs.chmodSync(dir, 0o777);
    if (isRoot()) execFileSync("chown", ["postgres:postgres", dir]);
    const cluster = new ThrowawayCluster(await freePort(), dir);
    cluster.run("initdb", ["-D", cluster.dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    await cluster.start();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, "data");
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    this.run("pg_ctl", ["start", "-w", "-t", "30", "-D", this.dataDir, "-l", path.join(this.dir, "server.log"), "-o", options]);
  }

  /** Stops the server as a crash would (`immediate`: no checkpoint, connections cut). */
  async stop(): Promise<void> {
    this.run("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", this.dataDir]);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop();
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private run(binary: string, args: string[]) {
    const executable = path.join(postgresBinDir(), binary);
    const [command, commandArgs] = isRoot() ? ["runuser", ["-u", "postgres", "--", executable, ...args]] : [executable, args];
    execFileSync(command, commandArgs, { stdio: "pipe", cwd: this.dir });
  }
}

const isRoot = () => process.getuid?.() === 0;

function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return path.join(root, version, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
