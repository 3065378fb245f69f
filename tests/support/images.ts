import sharp from "sharp";

/** The smallest valid images of each accepted type, and impostors, for upload tests. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
export const GIF_1X1 = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
export const JPEG_HEADER = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
]);
export const WEBP_HEADER = Buffer.concat([
  Buffer.from("RIFF"),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from("WEBPVP8 "),
]);
export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
);
export const HTML = Buffer.from("<!doctype html><script>alert(1)</script>");

export function imageFile(bytes: Buffer, name = "image.png", type = "image/png"): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

type Format = "jpeg" | "png" | "webp" | "gif";

/** A plain image of any size, made by sharp (solid colour: quick to make at any size). */
export async function makeImage(
  format: Format,
  width: number,
  height: number,
  colour = "#c0392b",
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .toFormat(format)
    .toBuffer();
}

/** A name written into the test photos' EXIF and XMP, to look for after re-encoding. */
export const SECRET_MARKER = "Owner-Jane-Doe-4711";

/** An image as a phone writes it: EXIF with a GPS position (Kuala Lumpur), owner, orientation, XMP. */
export async function makePhoto(
  format: Exclude<Format, "gif">,
  width: number,
  height: number,
  { orientation = 1 }: { orientation?: number } = {},
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2e86c1" } })
    .toFormat(format)
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Artist: SECRET_MARKER, Make: "Phone" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "3/1 8/1 2/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "101/1 41/1 3/1",
      },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${SECRET_MARKER}"/></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();
}

/** An animated GIF or WebP: one frame per colour, 100 ms each, looping. */
export async function makeAnimation(
  format: "gif" | "webp",
  width: number,
  height: number,
  colours = ["#ff0000", "#00ff00", "#0000ff"],
): Promise<Buffer> {
  const frames = await Promise.all(colours.map((colour) => makeImage("png", width, height, colour)));
  return sharp(frames, { join: { animated: true } })
    .toFormat(format, { delay: colours.map(() => 100), loop: 0 })
    .toBuffer();
}

/**
 * Whether raw EXIF data (as sharp's metadata gives it: "Exif\0\0" and a TIFF structure)
 * has a GPS directory: tag 0x8825 among the first directory's entries.
 */
export function hasGpsDirectory(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const directory = u32(4);
  for (let i = 0; i < u16(directory); i++) if (u16(directory + 2 + i * 12) === 0x8825) return true;
  return false;
}
