import { describe, expect, it } from "vitest";
import { passwordLinkMail } from "./templates";

describe("passwordLinkMail", () => {
  const person = { name: "Rita Requester", email: "rita@example.com" };
  const expiresAt = new Date("2026-03-02T09:00:00Z");

  it("gives the link's expiry in the person's time zone", () => {
    const mail = passwordLinkMail(person, "reset", "https://f.test/x", expiresAt, "Asia/Tokyo");
    expect(mail.text).toContain("Mon, 2 Mar 2026, 18:00 GMT+9");
  });

  it("in UTC for someone without one yet (an invitation)", () => {
    const mail = passwordLinkMail(person, "invite", "https://f.test/x", expiresAt, null);
    expect(mail.text).toContain("Mon, 2 Mar 2026, 09:00 UTC");
    expect(mail.subject).toBe("You are invited to Flowgate");
  });
});
