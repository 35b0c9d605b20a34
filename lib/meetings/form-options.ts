import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingTypes, users } from "@/db/schema";

export type MeetingFormOptions = {
  hosts: { email: string; name: string }[];
  meetingTypes: { id: string; name: string }[];
};

/** What the log-meeting form offers: the client's active users as hosts, and its meeting types. */
export async function meetingFormOptions(db: Database, params: { clientId: string }): Promise<MeetingFormOptions> {
  const [hosts, types] = await Promise.all([
    db
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(and(eq(users.clientId, params.clientId), eq(users.active, true)))
      .orderBy(asc(users.name)),
    db
      .select({ id: meetingTypes.id, name: meetingTypes.name })
      .from(meetingTypes)
      .where(eq(meetingTypes.clientId, params.clientId))
      .orderBy(asc(meetingTypes.name)),
  ]);
  return { hosts, meetingTypes: types };
}
