// Runs once when the server starts. It does not wait for the database: a server started during a
// database outage must come up, answer 503s and recover by itself (see lib/db.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("./lib/server-start");
  onServerStart();
}
