import { readdir } from "node:fs/promises";
import { describe, expect, it, vi } from "vitest";
import { signInAs } from "@/tests/support/session";
import { formData } from "@/tests/support/actions";
import { createUser } from "@/tests/support/factories";
import { imageFile, JPEG_HEADER, PNG_1X1, SVG } from "@/tests/support/images";
import { UPLOAD_MESSAGES } from "@/lib/uploads/save-image";
import { uploadSettings } from "@/lib/uploads/settings";
import { uploadImageAction } from "./actions";

// A folder of this file's own (other test files upload in parallel), set before lib/env.ts
// reads the environment: it is parsed once per test file. Removed with the workers' databases.
// The folder store on either database, so uploads can be counted (store.test.ts tests both).
vi.hoisted(() => {
  process.env.UPLOAD_STORE = "local";
  process.env.UPLOAD_DIR = `data/test/workers/uploads-${crypto.randomUUID()}`;
});

const storedCount = async () => (await readdir(uploadSettings().dir).catch(() => [])).length;

describe("uploadImageAction", () => {
  it("stores nothing for the signed-out, commenters or moderators", async () => {
    const before = await storedCount();
    expect(await uploadImageAction(formData({ image: imageFile(PNG_1X1) }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/signed out/),
    });
    for (const role of ["commenter", "moderator"]) {
      signInAs((await createUser({ role })).id);
      expect(await uploadImageAction(formData({ image: imageFile(PNG_1X1) }))).toMatchObject({
        status: "error",
        formError: expect.stringMatching(/not allowed/),
      });
    }
    expect(await storedCount()).toBe(before);
  });

  it("stores an admin's image and refuses an SVG or a damaged image", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const before = await storedCount();
    expect(await uploadImageAction(formData({ image: imageFile(PNG_1X1) }))).toMatchObject({
      status: "success",
      url: expect.stringMatching(/^\/uploads\/[a-f0-9]{32}\.png$/),
    });
    expect(await uploadImageAction(formData({ image: imageFile(SVG, "a.svg", "image/svg+xml") }))).toEqual({
      status: "error",
      formError: "Upload a JPEG, PNG, GIF or WebP image.",
    });
    expect(
      await uploadImageAction(formData({ image: imageFile(Buffer.concat([JPEG_HEADER, Buffer.alloc(64)])) })),
    ).toEqual({ status: "error", formError: UPLOAD_MESSAGES.unreadable });
    expect(await uploadImageAction(formData({}))).toEqual({
      status: "error",
      formError: "Choose an image file.",
    });
    expect(await storedCount()).toBe(before + 1);
  });
});
