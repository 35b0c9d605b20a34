import fs from "node:fs";
import path from "node:path";

/** The Node.js major version package.json's `engines.node` pins (`^24.11.0` → 24). */
export function pinnedNodeMajor(): number {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8"));
  const major = /^\^(\d+)\./.exec(manifest.engines.node)?.[1];
  if (!major) throw new Error(`engines.node is not a caret range: ${manifest.engines.node}`);
  return Number(major);
}

export const majorOf = (version: string) => Number(/^v(\d+)\./.exec(version)?.[1]);

/** For the harness and the bench: say which Node.js runs them, and stop on any other than the pinned one. */
export function assertPinnedNode(): void {
  const pinned = pinnedNodeMajor();
  console.log(`Node.js ${process.version} (${process.execPath})`);
  if (majorOf(process.version) !== pinned) {
    throw new Error(`This runs on Node.js ${pinned} (package.json engines); got ${process.version}. Run it through npm (npm test, npm run bench), which puts node_modules/.bin/node first on the PATH.`);
  }
}
