import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "@/tests/support/session";
import { formData } from "@/tests/support/actions";
import { createUser } from "@/tests/support/factories";
import { imageFile, PNG_1X1, SVG } from "@/tests/support/images";
import { PermissionError } from "@/lib/auth/guards";
import { readUploadSettings } from "@/lib/uploads/settings";
import { uploadImageAction } from "./image-actions";

const storedCount = async () => (await readdir(readUploadSettings().dir).catch(() => [])).length;

describe("uploadImageAction", () => {
  beforeEach(() => {
    // A folder of this test's own, so each test counts its own uploads from zero.
    process.env.UPLOAD_DIR = `data/test/workers/uploads-${randomUUID()}`;
  });

  it("stores nothing for the signed-out, commenters or moderators", async () => {
    const before = await storedCount();
    expect(await uploadImageAction(formData({ image: imageFile(PNG_1X1) }))).toMatchObject({ ok: false });
    for (const role of ["commenter", "moderator"]) {
      signInAs((await createUser({ role })).id);
      await expect(uploadImageAction(formData({ image: imageFile(PNG_1X1) }))).rejects.toThrow(
        PermissionError,
      );
    }
    expect(await storedCount()).toBe(before);
  });

  it("stores an admin's image and refuses an SVG", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    expect(await uploadImageAction(formData({ image: imageFile(PNG_1X1) }))).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^\/uploads\/[a-f0-9]{32}\.png$/),
    });
    expect(await uploadImageAction(formData({ image: imageFile(SVG, "a.svg", "image/svg+xml") }))).toEqual({
      ok: false,
      error: "Upload a JPEG, PNG, GIF or WebP image.",
    });
    expect(await uploadImageAction(formData({}))).toEqual({ ok: false, error: "Choose an image file." });
  });
});
