import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createClient, createUser } from "@/lib/admin/service";
import { createSession, findSessionRep, saveRepLocale } from "@/lib/auth/session-store";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

let connection: EmbeddedDatabase;
let db: Database;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("rep language");
  db = connection.db;
}, 60_000);

afterAll(async () => {
  await connection.close();
});

async function signedInRep(clientId: string) {
  const user = await createUser(db, { clientId, email: `rep-${randomUUID()}@example.com`, name: "Rep" });
  const { token } = await createSession(db, { userId: user.id, clientId, timeZone: "America/Santiago" });
  return { userId: user.id, clientId, token };
}

describe("the rep's dashboard language", () => {
  it("follows the browser until the rep chooses, then stays with the rep on every session", async () => {
    const { client } = await createClient(db, { name: `Language ${randomUUID()}` });
    const rep = await signedInRep(client.id);
    expect((await findSessionRep(db, { token: rep.token }))?.locale).toBeNull();

    await saveRepLocale(db, { userId: rep.userId, clientId: rep.clientId, locale: "es" });
    expect((await findSessionRep(db, { token: rep.token }))?.locale).toBe("es");
    const { token: otherDevice } = await createSession(db, { userId: rep.userId, clientId: rep.clientId, timeZone: "UTC" });
    expect((await findSessionRep(db, { token: otherDevice }))?.locale).toBe("es");

    await saveRepLocale(db, { userId: rep.userId, clientId: rep.clientId, locale: null });
    expect((await findSessionRep(db, { token: rep.token }))?.locale).toBeNull();
  });

  it("changes nothing when the client does not match the rep (tenant filter on its own)", async () => {
    const { client } = await createClient(db, { name: `Language ${randomUUID()}` });
    const { client: other } = await createClient(db, { name: `Other ${randomUUID()}` });
    const rep = await signedInRep(client.id);
    await saveRepLocale(db, { userId: rep.userId, clientId: other.id, locale: "es" });
    expect((await findSessionRep(db, { token: rep.token }))?.locale).toBeNull();
  });

  it("refuses a language the dashboard does not have, in the database too", async () => {
    const { client } = await createClient(db, { name: `Language ${randomUUID()}` });
    const rep = await signedInRep(client.id);
    const refused = await saveRepLocale(db, { userId: rep.userId, clientId: rep.clientId, locale: "pt" as never }).catch((error: Error) => error);
    expect(String((refused as Error).cause)).toMatch(/users_locale_known/);
  });
});
