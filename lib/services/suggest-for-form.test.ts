import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { SUGGESTIONS_PER_MINUTE, suggestForForm } from "./suggest-for-form";

const actor = (id: string) => ({ id, roles: ["REQUESTER" as const], department: null });

describe("suggestForForm", () => {
  it("suggests type and fields with evidence for the text typed so far, storing nothing", async () => {
    const view = await suggestForForm(actor("u-1"), "12 ergonomic chairs for Berlin, EUR 14,280");
    expect(view).toMatchObject({
      type: "PROCUREMENT",
      fields: {
        amount: { value: 14_280, evidence: { text: expect.stringContaining("14,280") } },
        currency: { value: "EUR" },
      },
    });
  });

  it("refuses text that is too short, at the text field", async () => {
    await expect(suggestForForm(actor("u-2"), "chairs")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ field: "text" }],
    });
  });

  it("slows down a user who asks too often, and only that user", async () => {
    const text = "Two days of leave next week";
    for (let i = 0; i < SUGGESTIONS_PER_MINUTE; i++) await suggestForForm(actor("u-busy"), text);
    const refused = await suggestForForm(actor("u-busy"), text).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    await expect(suggestForForm(actor("u-calm"), text)).resolves.toMatchObject({ type: "LEAVE" });
  });
});
