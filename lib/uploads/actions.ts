"use server";

import { formFile } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, refused } from "@/lib/actions/server";
import { saveImage } from "@/lib/uploads/save-image";

export type UploadImageResult = ActionResult & { url?: string };

/**
 * Uploads an image for use in a post's text; the editor inserts the Markdown for it.
 * Called by the editor's script only (a file picker), so it always answers in place.
 */
export async function uploadImageAction(formData: FormData): Promise<UploadImageResult> {
  const author = await authorize("write:post");
  if (!author.ok) return refused(author.refusal);
  const file = formFile(formData, "image");
  if (!file) return { status: "error", formError: "Choose an image file." };
  // The upload store may be the database, which another process can hold locked.
  const saved = await attemptWrite(() => saveImage(file));
  if ("reason" in saved) return refused("busy");
  return saved.ok ? { status: "success", url: saved.url } : { status: "error", formError: saved.error };
}
