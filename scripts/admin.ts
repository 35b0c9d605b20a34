/**
 * Operator commands, against DATABASE_URL or the embedded database. Each prints one JSON object.
 *
 *   npm run --silent admin -- --help     (the commands)
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase, type Database } from "@/db/client";
import { DatabaseInUseError } from "@/db/lock";
import {
  createClient, createClientApiKey, createMeetingType, createUser, listApiKeys, listClients, listMeetingTypes, listUsers,
  setClientRateLimit,
} from "@/lib/admin/service";
import { revokeApiKey } from "@/lib/api-keys";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import { emailAddress, fieldIssues, text, uuidString } from "@/lib/validation";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { webhookInputSchema } from "@/lib/webhooks/schema";
import { toPublicWebhook } from "@/lib/webhooks/serialize";

class UsageError extends Error {}

const USAGE = `Usage: npm run --silent admin -- <command>
Runs against DATABASE_URL, else the embedded database (stop the dev server first). Prints one JSON object.

  client create --name NAME                     a client and its first API key
  client list
  client set-rate-limit --client ID --per-minute N|default
                                                requests a minute per API key (default: RATE_LIMIT_PER_MINUTE, 600)
  api-key create --client ID [--label L]        a new key, shown once
  api-key list --client ID                      prefix, label, last used, revoked
  api-key revoke --client ID --id ID
  user create --client ID --email E --name N [--inactive] [--password P]
                                                a rep (with --password, can sign in) or a host
  user list --client ID
  meeting-type create --client ID --name N
  meeting-type list --client ID
  webhook create --client ID --url URL --events E1,E2 [--description D]
                                                an endpoint for those meeting events; its signing secret, shown once
  webhook list --client ID
  webhook delete --client ID --id ID`;

const options = {
  name: { type: "string" },
  client: { type: "string" },
  label: { type: "string" },
  id: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  inactive: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  "per-minute": { type: "string" },
  url: { type: "string" },
  events: { type: "string" },
  description: { type: "string" },
} as const;

type Command = { schema: z.ZodType; run: (db: Database, args: unknown) => Promise<unknown> };

/** A command whose `run` takes what its schema parses the options into. */
const command = <S extends z.ZodType>(schema: S, run: (db: Database, args: z.output<S>) => Promise<unknown>): Command =>
  ({ schema, run: run as Command["run"] });

const ofClient = z.object({ client: uuidString() });

const commands: Record<string, Command> = {
  "client list": command(z.object({}), async (db) => ({ clients: await listClients(db) })),
  "client set-rate-limit": command(
    z.object({
      client: uuidString(),
      "per-minute": z.union([z.literal("default"), z.coerce.number().int().min(1).max(1_000_000)], { error: () => "must be a whole number from 1 to 1000000, or default" }),
    }),
    async (db, args) => ({
      client: await setClientRateLimit(db, { clientId: args.client, perMinute: args["per-minute"] === "default" ? null : args["per-minute"] }),
    }),
  ),
  "api-key list": command(ofClient, async (db, args) => ({ api_keys: await listApiKeys(db, { clientId: args.client }) })),
  "user list": command(ofClient, async (db, args) => ({ users: await listUsers(db, { clientId: args.client }) })),
  "meeting-type list": command(ofClient, async (db, args) => ({ meeting_types: await listMeetingTypes(db, { clientId: args.client }) })),
  "webhook list": command(ofClient, async (db, args) => ({
    webhooks: (await listWebhookEndpoints(db, { clientId: args.client })).map((endpoint) => toPublicWebhook(endpoint)),
  })),
  "webhook create": command(
    // The API's own field rules, so a refusal names the option (`--url must use https`).
    z.object({
      client: uuidString(),
      url: webhookInputSchema.shape.url,
      events: z.string({ error: () => "is required" }).transform((list) => list.split(",").map((event) => event.trim()).filter(Boolean)).pipe(webhookInputSchema.shape.events),
      description: webhookInputSchema.shape.description,
    }),
    async (db, args) => ({ webhook: toPublicWebhook(await createWebhookEndpoint(db, { clientId: args.client, input: args }), { withSecret: true }) }),
  ),
  "webhook delete": command(z.object({ client: uuidString(), id: uuidString() }), async (db, args) => {
    await deleteWebhookEndpoint(db, { clientId: args.client, webhookId: args.id });
    return { deleted: true };
  }),
  "client create": command(z.object({ name: text({ min: 1, max: 200 }) }), async (db, args) => {
    const { client, apiKey } = await createClient(db, { name: args.name });
    return { client, api_key: apiKey };
  }),
  "api-key create": command(z.object({ client: uuidString(), label: text({ max: 200 }).optional() }), async (db, args) => {
    const key = await createClientApiKey(db, { clientId: args.client, label: args.label });
    return { id: key.id, api_key: key.apiKey, prefix: key.prefix };
  }),
  "api-key revoke": command(z.object({ client: uuidString(), id: uuidString() }), async (db, args) => {
    if (!(await revokeApiKey(db, { clientId: args.client, id: args.id }))) {
      throw new AppError("not_found", `No API key with id ${args.id} for client ${args.client}`);
    }
    return { revoked: true };
  }),
  "user create": command(
    z.object({
      client: uuidString(),
      email: emailAddress(),
      name: text({ min: 1, max: 200 }),
      inactive: z.boolean().optional(),
      password: newPasswordSchema.optional(),
    }),
    async (db, args) => ({
      user: await createUser(db, { clientId: args.client, email: args.email, name: args.name, active: !args.inactive, password: args.password }),
    }),
  ),
  "meeting-type create": command(z.object({ client: uuidString(), name: text({ min: 1, max: 200 }) }), async (db, args) => ({
    meeting_type: await createMeetingType(db, { clientId: args.client, name: args.name }),
  })),
};

function parseCommand(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help || parsed.positionals[0] === "help") return null;
  const name = parsed.positionals.join(" ");
  const command = commands[name];
  if (!command) throw new UsageError(name ? `Unknown command "${name}".` : "No command given.");
  const { help: _help, ...values } = parsed.values;
  const args = command.schema.safeParse(values);
  if (!args.success) {
    throw new UsageError(fieldIssues(args.error).map((issue) => `--${issue.field} ${issue.message}`).join("; "));
  }
  return { command, args: args.data };
}

function describeError(error: unknown): string {
  const pgCode = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (pgCode === "23505") return "That already exists (an email belongs to one user only).";
  return error instanceof Error ? error.message : String(error);
}

async function main() {
  const parsed = parseCommand(process.argv.slice(2));
  if (!parsed) return console.log(USAGE);
  const { command, args } = parsed;
  const connection = await openDatabase({ holder: "npm run admin" });
  try {
    const result = await command.run(connection.db, args);
    process.stdout.write(JSON.stringify(result) + "\n");
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof DatabaseInUseError || error instanceof AppError) console.error(error.message);
  else console.error(`Error: ${describeError(error)}`);
  process.exit(1);
});
