import { describe, expect, it } from "vitest";
import { initialLogFormValues, parseLogForm, toMeetingInput, toOutcomeInput, type LogFormValues } from "@/lib/meetings/log-form";

const leadId = "7d1f6a8e-2f5b-4c4e-9a35-2f7d8b6c1e00";
const now = new Date("2026-11-23T15:00:00Z");
const values = (patch: Partial<LogFormValues>): LogFormValues => ({
  ...initialLogFormValues({ timeZone: "America/New_York", repEmail: "rep@example.com", options: { hosts: [], meetingTypes: [] } }),
  title: "Walk-in demo",
  startsAt: "2026-11-22T16:00",
  ...patch,
});
const parse = (form: LogFormValues) => parseLogForm(toMeetingInput(form, leadId).input, toOutcomeInput(form), now);

describe("parseLogForm", () => {
  it("logs a meeting that already happened as scheduled, with its outcome beside it", () => {
    const result = parse(values({ status: "completed", outcomeNotes: " Send a quote. " }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.meeting).toMatchObject({ startsAt: new Date("2026-11-22T21:00:00Z"), confirmedByLead: false });
    expect(result.outcome).toEqual({ action: "complete", notes: "Send a quote." });

    const noShow = parse(values({ status: "no_show", noShowReason: "No answer", outcomeNotes: "" }));
    expect(noShow.ok && noShow.outcome).toEqual({ action: "no_show", reason: "No answer", notes: undefined });
  });

  it("has no outcome for an upcoming meeting", () => {
    const result = parse(values({ status: "confirmed", startsAt: "2026-12-01T10:00" }));
    expect(result.ok && [result.outcome, result.meeting.confirmedByLead]).toEqual([null, true]);
  });

  it("lists the meeting's and the outcome's errors together, and a future start for a meeting that happened", () => {
    expect(parse(values({ status: "no_show", title: "", outcomeNotes: "x".repeat(10_001) }))).toEqual({
      ok: false,
      formError: "Please correct the highlighted fields.",
      fieldErrors: { title: "must not be empty", "outcome.notes": "must be at most 10000 characters" },
    });
    expect(parse(values({ status: "completed", startsAt: "2026-12-01T10:00" }))).toMatchObject({
      ok: false,
      fieldErrors: { starts_at: "must be in the past for a meeting that already happened" },
    });
  });

  it("takes an outcome for a meeting starting exactly now, and refuses one starting a millisecond later", () => {
    const form = values({ status: "completed", startsAt: "2026-11-23T10:00" }); // 15:00 UTC
    const at = (instant: string) => parseLogForm(toMeetingInput(form, leadId).input, toOutcomeInput(form), new Date(instant));
    expect(at("2026-11-23T15:00:00.000Z").ok).toBe(true);
    expect(at("2026-11-23T14:59:59.999Z")).toMatchObject({ ok: false, fieldErrors: { starts_at: "must be in the past for a meeting that already happened" } });
  });

  it("refuses an outcome that is neither completed nor no-show", () => {
    expect(parseLogForm(toMeetingInput(values({}), leadId).input, { action: "cancel" }, now)).toMatchObject({
      ok: false,
      fieldErrors: { "outcome.action": "must be a completed or no-show outcome" },
    });
  });
});
