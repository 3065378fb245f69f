import { describe, expect, it } from "vitest";
import { moderatorCredentials } from "./seed-accounts";

describe("moderatorCredentials", () => {
  it("uses documented development defaults outside production", () => {
    expect(moderatorCredentials({ NODE_ENV: "development" })).toMatchObject({
      email: "moderator@commonplace.local",
    });
  });

  it("refuses to invent credentials in production", () => {
    expect(() => moderatorCredentials({ NODE_ENV: "production" })).toThrow(
      /MODERATOR_EMAIL and MODERATOR_PASSWORD/,
    );
    expect(
      moderatorCredentials({
        NODE_ENV: "production",
        MODERATOR_EMAIL: " Boss@Example.com",
        MODERATOR_PASSWORD: "x",
      }).email,
    ).toBe("boss@example.com");
  });
});
