import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createInitialAdmin } from "./initial-admin";

const PASSWORD = "a long admin passphrase for tests";

describe("createInitialAdmin", () => {
  it("creates an admin who can sign in with the given password", async () => {
    const result = await createInitialAdmin({
      email: " Owner@Example.test ",
      name: "Owner",
      password: PASSWORD,
    });
    expect(result).toEqual({ ok: true, email: "owner@example.test" });
    const user = await db.user.findUniqueOrThrow({
      where: { email: "owner@example.test" },
      select: { role: true, passwordHash: true },
    });
    expect(user.role).toBe("admin");
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
  });

  it("never takes over an existing account", async () => {
    await createInitialAdmin({ email: "taken@example.test", name: "First", password: PASSWORD });
    const again = await createInitialAdmin({
      email: "taken@example.test",
      name: "Second",
      password: `${PASSWORD}!`,
    });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("user:role") });
    const user = await db.user.findUniqueOrThrow({
      where: { email: "taken@example.test" },
      select: { name: true },
    });
    expect(user.name).toBe("First");
  });

  it("holds the password to the sign-up rules", async () => {
    const result = await createInitialAdmin({ email: "weak@example.test", name: "Weak", password: "short" });
    expect(result.ok).toBe(false);
    expect(await db.user.count({ where: { email: "weak@example.test" } })).toBe(0);
  });
});
