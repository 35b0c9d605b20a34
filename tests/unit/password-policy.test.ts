import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "@/lib/auth/password-policy";

describe("newPasswordSchema", () => {
  it("takes 12 characters and refuses 11", () => {
    expect(newPasswordSchema.safeParse("violet-harbor").success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(11) + "Z").success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(10) + "Z").error?.issues[0].message).toBe("must be at least 12 characters");
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const password of ["qwerty123456", "1QAZ2WSX3EDC", "123qweasdzxc"]) {
      expect(newPasswordSchema.safeParse(password).error?.issues[0].message, password).toBe("is one of the most common passwords; choose another");
    }
  });
});
