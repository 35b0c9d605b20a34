-- Each meeting keeps its public JSON (toPublicMeeting, lib/meetings/serialize.ts, in SQL) in public_json, so a
-- list of meetings is read, not written, per request: writing 29 fields of JSON cost PostgreSQL about 10 µs a row
-- on every GET. The database keeps it true whatever writes the row: a BEFORE trigger on every insert and update of
-- a meeting, and AFTER triggers when a host or meeting type is renamed. tests/db/public-json.test.ts pins this
-- form equal to the TypeScript one, key for key. Edited by hand: the column is added empty, filled by the
-- trigger, then made NOT NULL.
--
-- Instants: UTC with a Z, ".mmm" only when the milliseconds are not zero, microseconds truncated (as a JavaScript
-- Date holds them); duration_minutes from the instants truncated to milliseconds, as a bigint (a meeting may span
-- millennia: nothing caps ends_at); additional_attendees keeps jsonb's own spacing. Tables are named with their
-- schema: pg_dump's and logical replication's sessions run with an empty search_path.
ALTER TABLE "meetings" ADD COLUMN "public_json" text;
--> statement-breakpoint
CREATE FUNCTION "meeting_public_json"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."public_json" := (SELECT row_to_json(public_meeting)::text FROM (SELECT
    NEW."id" AS id, NEW."lead_id" AS lead_id, NEW."title" AS title, NEW."description" AS description,
    replace(to_char(NEW."starts_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z') AS starts_at,
    replace(to_char(NEW."ends_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z') AS ends_at,
    floor(extract(epoch FROM date_trunc('milliseconds', NEW."ends_at") - date_trunc('milliseconds', NEW."starts_at")) / 60)::bigint AS duration_minutes,
    NEW."timezone" AS timezone,
    CASE WHEN NEW."status" = 'scheduled' AND NEW."confirmed_by_lead" THEN 'confirmed' ELSE NEW."status" END AS status,
    NEW."meeting_url" AS meeting_url, NEW."location_type" AS location_type, NEW."location_details" AS location_details,
    (SELECT u."name" FROM "public"."users" u WHERE u."id" = NEW."host_user_id" AND u."client_id" = NEW."client_id") AS host_name,
    (SELECT t."name" FROM "public"."meeting_types" t WHERE t."id" = NEW."meeting_type_id" AND t."client_id" = NEW."client_id") AS meeting_type,
    NEW."attendee_name" AS attendee_name, NEW."attendee_email" AS attendee_email, NEW."attendee_phone" AS attendee_phone,
    NEW."additional_attendees" AS additional_attendees, NEW."confirmed_by_lead" AS confirmed_by_lead,
    replace(to_char(NEW."cancelled_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z') AS cancelled_at,
    NEW."cancellation_reason" AS cancellation_reason, NEW."no_show_reason" AS no_show_reason, NEW."outcome_notes" AS outcome_notes,
    replace(to_char(NEW."outcome_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z') AS outcome_at,
    NEW."external_calendar_provider" AS external_calendar_provider, NEW."external_event_id" AS external_event_id,
    NEW."source" AS source,
    replace(to_char(NEW."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z') AS created_at,
    replace(to_char(NEW."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z') AS updated_at
  ) AS public_meeting);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "meetings_public_json" BEFORE INSERT OR UPDATE ON "meetings" FOR EACH ROW EXECUTE FUNCTION "meeting_public_json"();
--> statement-breakpoint
-- ALWAYS: the JSON is data, not a check, so a bulk load with session_replication_role = replica (the benchmark's
-- seeding) still writes it.
ALTER TABLE "meetings" ENABLE ALWAYS TRIGGER "meetings_public_json";
--> statement-breakpoint
-- A renamed host or meeting type rewrites its meetings' JSON: any update of a meeting runs the trigger above.
CREATE FUNCTION "meetings_public_json_of_renamed_reference"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    UPDATE "public"."meetings" SET "public_json" = NULL WHERE "host_user_id" = NEW."id" AND "client_id" = NEW."client_id";
  ELSE
    UPDATE "public"."meetings" SET "public_json" = NULL WHERE "meeting_type_id" = NEW."id" AND "client_id" = NEW."client_id";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_renamed_public_json" AFTER UPDATE OF "name" ON "users" FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "meetings_public_json_of_renamed_reference"();
--> statement-breakpoint
CREATE TRIGGER "meeting_types_renamed_public_json" AFTER UPDATE OF "name" ON "meeting_types" FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "meetings_public_json_of_renamed_reference"();
--> statement-breakpoint
ALTER TABLE "users" ENABLE ALWAYS TRIGGER "users_renamed_public_json";
--> statement-breakpoint
ALTER TABLE "meeting_types" ENABLE ALWAYS TRIGGER "meeting_types_renamed_public_json";
--> statement-breakpoint
-- Setting it null runs the trigger, which writes it; updated_at is untouched.
UPDATE "meetings" SET "public_json" = NULL;
--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "public_json" SET NOT NULL;
