import { openDatabaseInBackground } from "@/lib/db";

export function onServerStart() {
  console.log(`Nexor Meetings server on Node.js ${process.version}`);
  openDatabaseInBackground();
}
