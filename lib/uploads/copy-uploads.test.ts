import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { GIF_1X1, HTML, makeImage, makePhoto } from "@/tests/support/images";
import { copyUploads } from "./copy-uploads";
import { databaseUploadStore } from "./database-store";
import { uploadSettings } from "./settings";

const hex = () => crypto.randomUUID().replaceAll("-", "");

describe("copyUploads", () => {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("copies a folder's uploads into the database under their names, re-encoded, once", async () => {
    const root = path.dirname(uploadSettings().dir);
    const dir = await mkdtemp(path.join(root, "copy-"));
    made.push(dir);
    const photo = `${hex()}.jpg`;
    const gif = `${hex()}.gif`;
    const disguised = `${hex()}.png`; // HTML under an image's name
    const mislabelled = `${hex()}.png`; // a real JPEG under a PNG's name
    await writeFile(path.join(dir, photo), await makePhoto("jpeg", 3000, 1000));
    await writeFile(path.join(dir, gif), GIF_1X1);
    await writeFile(path.join(dir, disguised), HTML);
    await writeFile(path.join(dir, mislabelled), await makeImage("jpeg", 10, 10));
    await writeFile(path.join(dir, "notes.txt"), "not an upload");

    const store = databaseUploadStore();
    const first = await copyUploads(dir, store, 2560);
    expect(first.copied).toEqual([photo, gif].sort());
    expect(first.refused).toEqual([disguised, mislabelled, "notes.txt"].sort());
    expect(first.present).toEqual([]);

    const copied = await store.read(photo);
    const metadata = await sharp(Buffer.from(copied!.bytes)).metadata();
    expect([copied?.mime, metadata.width, metadata.height]).toEqual(["image/jpeg", 2560, 853]);
    expect(metadata.exif).toBeUndefined();
    expect(await store.read(disguised)).toBeNull();

    const again = await copyUploads(dir, store, 2560);
    expect(again).toEqual({ copied: [], present: [photo, gif].sort(), refused: first.refused });
  });
});
