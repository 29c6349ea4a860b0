import { afterEach, describe, expect, it } from "vitest";
import { WebhookUrlSchema } from "@/lib/forms/webhook";
import { assertPublicTarget, isPrivateAddress } from "./target";

afterEach(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS;
});

describe("webhook targets", () => {
  it("tells private and local addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses the metadata address and loopback unless private networks are allowed", async () => {
    await expect(assertPublicTarget("http://169.254.169.254/latest")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ field: "url" }],
    });
    await expect(assertPublicTarget("http://[::1]:8080/hook")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";
    await expect(assertPublicTarget("http://127.0.0.1:9/hook")).resolves.toBeUndefined();
  });

  it("takes http(s) URLs without credentials only", () => {
    expect(WebhookUrlSchema.safeParse("https://hooks.example.com/flowgate").success).toBe(true);
    expect(WebhookUrlSchema.safeParse("ftp://example.com/x").success).toBe(false);
    expect(WebhookUrlSchema.safeParse("https://user:pw@example.com/x").success).toBe(false);
    expect(WebhookUrlSchema.safeParse("not a url").success).toBe(false);
  });
});
