import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/export/options";

/** The largest export file /admin/move takes (bigger blogs: `npm run import` on the server). */
export const UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("json"),
  emails: z.enum(["on"]).optional(),
});

export const JobIdSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

/** What /admin/move says after a refused upload (?notice=…), in one place. */
export const UPLOAD_NOTICES = {
  "too-large": `The file is over ${UPLOAD_MAX_BYTES / 1024 / 1024} MB: import it on the server with npm run import instead.`,
  busy: "Another import is running: wait for it to finish, then upload again.",
  "no-file": "Choose an export file to upload.",
  invalid: "The upload could not be read (was it interrupted?). Try again.",
} as const;

export type UploadNotice = keyof typeof UPLOAD_NOTICES;
