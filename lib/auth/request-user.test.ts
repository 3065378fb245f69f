import { describe, expect, it } from "vitest";
import { getCurrentUserById } from "@/lib/data/users";
import { createUser } from "@/tests/support/factories";
import { loadSessionUser, recordingUserLoads } from "./request-user";

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("users loaded by the session check", () => {
  it("records the fresh row loaded inside the check, across awaits", async () => {
    const user = await createUser({ name: "Loaded once" });
    const { result, loaded } = await recordingUserLoads(async () => {
      await later();
      return loadSessionUser(user.id);
    });
    expect(result).toEqual(await getCurrentUserById(user.id));
    expect(loaded.get(user.id)).toEqual(result);
  });

  it("records a user that no longer exists as null, so the guard trusts the refusal", async () => {
    const { loaded } = await recordingUserLoads(() => loadSessionUser("no-such-user"));
    expect(loaded.has("no-such-user")).toBe(true);
    expect(loaded.get("no-such-user")).toBeNull();
  });

  it("keeps concurrent checks apart and records nothing outside one", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const outside = await loadSessionUser(a.id);
    expect(outside?.id).toBe(a.id);
    const [first, second] = await Promise.all([
      recordingUserLoads(async () => {
        await later();
        return loadSessionUser(a.id);
      }),
      recordingUserLoads(() => loadSessionUser(b.id)),
    ]);
    expect([...first.loaded.keys()]).toEqual([a.id]);
    expect([...second.loaded.keys()]).toEqual([b.id]);
  });
});
