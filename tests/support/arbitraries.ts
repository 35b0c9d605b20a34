import fc from "fast-check";

// Hand-written generators for the public API's bodies (zod-fast-check does not support zod 4): valid
// bodies, and mutations of them that a careless or hostile integrator might send.

/** Text the schemas accept: well-formed Unicode, no NUL, not blank after trimming, at most `max` after it. */
export const storableText = (max: number) =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 60) })
    .filter((value) => !value.includes("\u0000") && value.trim().length > 0 && value.trim().length <= max);

const IANA_ZONES = ["UTC", "America/Santiago", "America/New_York", "Europe/Madrid", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];
const isoInstant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
const email = fc.uuid().map((id) => `fuzz-${id}@example.com`);

/** A valid POST /meetings body for the lead with this email: required fields, and any of the optional ones. */
export const validMeetingBody = (leadEmail: string) =>
  fc.record(
    {
      lead_email: fc.constant(leadEmail),
      title: storableText(500),
      starts_at: isoInstant,
      duration_minutes: fc.integer({ min: 1, max: 1440 }),
      timezone: fc.constantFrom(...IANA_ZONES),
      description: storableText(10_000),
      meeting_url: fc.webUrl({ validSchemes: ["https"] }),
      location_type: fc.constantFrom("video", "phone", "in_person"),
      location_details: storableText(10_000),
      attendee_name: storableText(200),
      attendee_email: email,
      additional_attendees: fc.array(fc.record({ email, name: storableText(200) }), { maxLength: 3 }),
      external_calendar_provider: fc.constant("fuzz"),
      external_event_id: fc.uuid(),
      status: fc.constantFrom("scheduled", "confirmed"),
    },
    { requiredKeys: ["lead_email", "title", "starts_at", "duration_minutes"] },
  );

export const validLeadBody = fc.record(
  {
    first_name: storableText(200),
    last_name: storableText(200),
    email,
    phone: fc.stringMatching(/^\+?[0-9 ]{4,20}$/).filter((p) => p.trim().length > 0),
    // `__proto__` is refused as a key on purpose (README), so it is not a valid body.
    metadata: fc.dictionary(fc.stringMatching(/^[a-z_]{1,20}$/).filter((key) => key !== "__proto__"), fc.oneof(storableText(200), fc.integer(), fc.boolean()), { maxKeys: 5 }),
  },
  { requiredKeys: ["first_name"] },
);

export const validLeadPatch = fc.record(
  { first_name: storableText(200), last_name: fc.option(storableText(200)), phone: fc.option(storableText(50)) },
  { requiredKeys: [] },
);

export const validCancelBody = fc.record({ reason: fc.option(storableText(10_000)) }, { requiredKeys: [] });
export const validRescheduleBody = fc.record(
  { starts_at: isoInstant, duration_minutes: fc.integer({ min: 1, max: 1440 }), timezone: fc.constantFrom(...IANA_ZONES), reason: storableText(10_000) },
  { requiredKeys: ["starts_at", "duration_minutes"] },
);

/** A value of the wrong kind for almost any field. */
const wrongValue = fc.oneof(
  fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, -1, 0, 1.5),
  fc.constantFrom("\ud800", "a\u0000b", "\u202e\u202dtxt", "😀".repeat(3000), " ", ""),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constant("x".repeat(20_000)),
);

/** Nesting deep enough to trouble a recursive parser or validator. */
const deeplyNested = fc.integer({ min: 50, max: 2000 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});

export type Mutated = { body: unknown; field: string | null };

const meansAbsent = (value: unknown) => value === null || (typeof value === "string" && value.trim() === "");

/**
 * A valid body with one thing broken: a field given a wrong value (then `field` names it), an extra or
 * deeply nested field, a missing field, or a body that is not an object at all.
 */
export const mutatedBody = (valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Mutated> =>
  valid.chain((body) => {
    const keys = Object.keys(body);
    const always: fc.Arbitrary<Mutated>[] = [
      fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.oneof(wrongValue, deeplyNested)).map(([key, value]) => ({ body: { ...body, [`x_${key}`]: value }, field: null })),
      fc.oneof(wrongValue, deeplyNested, fc.array(fc.anything(), { maxLength: 3 })).map((value) => ({ body: value, field: null })),
    ];
    if (!keys.length) return fc.oneof(...always);
    return fc.oneof(
      // null and blank text mean "not given" for optional fields: a refusal may then name another field
      // (ends_at when duration_minutes is absent), so only a value of the wrong kind pins the field.
      fc.tuple(fc.constantFrom(...keys), wrongValue).map(([key, value]) => ({ body: { ...body, [key]: value }, field: meansAbsent(value) ? null : key })),
      fc.constantFrom(...keys).map((key) => {
        const { [key]: _dropped, ...rest } = body;
        return { body: rest, field: null };
      }),
      ...always,
    );
  });
