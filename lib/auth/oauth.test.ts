import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/tests/support/factories";
import { findOAuthUserId, findOrCreateOAuthUser } from "./oauth";

describe("findOrCreateOAuthUser", () => {
  it("creates a commenter on first sign-in and finds the same user afterwards", async () => {
    const identity = {
      provider: "github",
      providerAccountId: randomUUID(),
      email: ` New.Person+${randomUUID().slice(0, 4)}@Example.com `,
      name: "New Person",
    };
    const first = await findOrCreateOAuthUser(identity);
    expect(first.ok).toBe(true);
    const again = await findOrCreateOAuthUser({ ...identity, email: "changed@example.com" });
    expect(again).toEqual(first);
    const user = await db.user.findUniqueOrThrow({ where: { id: first.ok ? first.userId : "" } });
    expect(user).toMatchObject({ role: "commenter", name: "New Person", passwordHash: null });
    expect(user.email).toBe(identity.email.trim().toLowerCase());
    expect(await findOAuthUserId("github", identity.providerAccountId)).toBe(user.id);
  });

  it("never links a provider account to an existing account by email (takeover)", async () => {
    const existing = await createUser();
    const result = await findOrCreateOAuthUser({
      provider: "google",
      providerAccountId: randomUUID(),
      email: existing.email,
      name: "Someone",
    });
    expect(result).toEqual({ ok: false, reason: "email-in-use" });
    expect(await db.account.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("refuses identities without an email and falls back to a safe display name", async () => {
    expect(
      await findOrCreateOAuthUser({ provider: "github", providerAccountId: randomUUID(), email: null }),
    ).toEqual({ ok: false, reason: "no-email" });
    const result = await findOrCreateOAuthUser({
      provider: "github",
      providerAccountId: randomUUID(),
      email: `x${randomUUID().slice(0, 6)}@example.com`,
      name: "Evil\u202Ename",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: result.ok ? result.userId : "" } });
    expect(user.name).not.toContain("\u202E");
  });

  it("does not take a reserved or staff-like name from the provider", async () => {
    const local = `person${randomUUID().slice(0, 6)}`;
    const result = await findOrCreateOAuthUser({
      provider: "github",
      providerAccountId: randomUUID(),
      email: `${local}@example.com`,
      name: "Ａｄｍｉｎ",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: result.ok ? result.userId : "" } });
    expect(user.name).toBe(local);
  });
});
