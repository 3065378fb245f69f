import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { createUser } from "@/tests/support/factories";
import { CheckedSignUpSchema, commonPasswordCount, isCommonPassword } from "./common-passwords";
import { displayNameRefusal, RESERVED_NAME_MESSAGE } from "./display-names";
import { authenticateWithPassword } from "./authenticate";
import { SIGN_UP_RULE, signUpWithPassword } from "./sign-up";

let counter = 0;
const address = () => `198.18.${(counter += 1) % 250}.${parseInt(randomUUID().slice(0, 2), 16)}`;
const person = (overrides: Partial<{ name: string; email: string; password: string }> = {}) => ({
  name: `Reader ${randomUUID().slice(0, 8)}`,
  email: `${randomUUID()}@example.test`,
  password: "a long enough passphrase",
  ...overrides,
});

describe("signUpWithPassword", () => {
  it("answers alike for a new email and a registered one, and creates one account", async () => {
    const input = person();
    const first = await signUpWithPassword(input, address());
    const again = await signUpWithPassword({ ...input, password: "somebody else's passphrase" }, address());
    expect(first).toEqual({ ok: true });
    expect(again).toEqual(first);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
    // The account keeps the first password; the second sign-up changed nothing.
    expect(
      (await authenticateWithPassword({ email: input.email, password: input.password }, address())).ok,
    ).toBe(true);
  });

  it("takes about as long for a registered email as for a new one", async () => {
    const taken = person();
    await signUpWithPassword(taken, address());
    const time = async (input: ReturnType<typeof person>) => {
      const start = performance.now();
      await signUpWithPassword(input, address());
      return performance.now() - start;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const fresh: number[] = [];
    const registered: number[] = [];
    // Alternating which goes first: whatever runs right after an argon2 hash pays for it.
    for (let i = 0; i < 6; i++) {
      const again = { ...taken, name: `Reader ${randomUUID().slice(0, 8)}` };
      if (i % 2) registered.push(await time(again));
      fresh.push(await time(person()));
      if (i % 2 === 0) registered.push(await time(again));
    }
    // Both are one argon2id hash (tens of ms) and one INSERT; only a gross difference fails.
    const ratio = median(registered) / median(fresh);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("creates one account when the same email signs up twenty times at once", async () => {
    const input = person();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signUpWithPassword({ ...input, name: `${input.name}${i}` }, address()),
      ),
    );
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it(`allows ${SIGN_UP_RULE.max} sign-ups per address per hour, even in parallel`, async () => {
    const ip = address();
    const answers = await Promise.all(
      Array.from({ length: SIGN_UP_RULE.max + 5 }, () => signUpWithPassword(person(), ip)),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(SIGN_UP_RULE.max);
    const refused = answers.find((answer) => !answer.ok);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      refused && !refused.ok && refused.reason === "throttled" && refused.retryAfterSeconds,
    ).toBeGreaterThan(3000);
    expect((await signUpWithPassword(person(), address())).ok).toBe(true);
  });
});

describe("display names", () => {
  it.each([
    "admin",
    "Admin",
    "ADMINISTRATOR",
    "Moderator",
    "Site Admin",
    "the staff",
    "Ａｄｍｉｎ", // full-width
    "Аdmіn", // Cyrillic А and і
    "αdmin", // Greek alpha
    "𝐀𝐝𝐦𝐢𝐧", // mathematical bold
    "Adm1n",
    "A d m i n",
    "Demo Moderator",
    "Dеmо Моdеrаtоr", // Cyrillic е, о, М, а
    "Ｄｅｍｏ　Ｍｏｄｅｒａｔｏｒ",
  ])("refuses %j", async (name) => {
    expect(await displayNameRefusal(name)).toBe(RESERVED_NAME_MESSAGE);
  });

  it.each([
    "Admiral Ackbar",
    "Modesty Blaise",
    "Stafford Beer",
    "Zoë Müller",
    "张伟",
    "Владимир",
    "Ada Lovelace",
  ])("accepts %j", async (name) => {
    expect(await displayNameRefusal(name)).toBeNull();
  });

  it("refuses the blog's title and look-alikes of it", async () => {
    expect(await displayNameRefusal(config.title)).toBe(RESERVED_NAME_MESSAGE);
    expect(await displayNameRefusal(config.title.toUpperCase().replace(/O/g, "О"))).toBe(
      RESERVED_NAME_MESSAGE,
    );
  });

  it("refuses the names of admins and moderators in the database, in any disguise, and only theirs", async () => {
    const tag = randomUUID().slice(0, 6).replace(/\d/g, "x");
    const staffName = `Jane Keeper ${tag}`;
    const member = await createUser({ name: staffName, role: "moderator" });
    await createUser({ name: `Plain Reader ${tag}`, role: "commenter" });
    expect(await displayNameRefusal(staffName)).toBe(RESERVED_NAME_MESSAGE);
    expect(await displayNameRefusal(`Jаne  Keeper ${tag.toUpperCase()}`)).toBe(RESERVED_NAME_MESSAGE);
    expect(await displayNameRefusal(`Plain Reader ${tag}`)).toBeNull();
    // Demoted: the name is free again.
    await db.user.update({ where: { id: member.id }, data: { role: "commenter" } });
    expect(await displayNameRefusal(staffName)).toBeNull();
  });

  it("sign-up refuses a reserved name with a message on the name, creating nothing", async () => {
    const input = person({ name: "Dеmо Моdеrаtоr" });
    expect(await signUpWithPassword(input, address())).toEqual({
      ok: false,
      reason: "name",
      message: RESERVED_NAME_MESSAGE,
    });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });
});

describe("common passwords", () => {
  it("ships a list of well over 10,000 passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000);
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("1qaz2wsx3edc4rfv")).toBe(true);
  });

  it.each([
    "passwordpassword",
    "qwertyuiop12345",
    "dragon123456789",
    "Monkey!!!!!!!!!!",
    "letmein letmein letmein",
    "123456789987654321",
    "ILOVEYOUILOVEYOU",
  ])("refuses %j at sign-up", (password) => {
    const parsed = CheckedSignUpSchema.safeParse({
      name: "Someone",
      email: "someone@example.test",
      password,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("password");
  });

  it.each(["correct horse battery staple", "a long enough passphrase", "mein Hund heißt Bello 2019"])(
    "accepts %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
      expect(
        CheckedSignUpSchema.safeParse({ name: "Someone", email: "someone@example.test", password }).success,
      ).toBe(true);
    },
  );
});
