"use server";

import { getOptionalUser, requirePermission } from "@/lib/auth/guards";
import { saveImage } from "@/lib/uploads/store";

export type UploadImageResult = { ok: true; url: string } | { ok: false; error: string };

/** Uploads an image for use in a post's text; the editor inserts the Markdown for it. */
export async function uploadImageAction(formData: FormData): Promise<UploadImageResult> {
  const user = await getOptionalUser();
  if (!user) return { ok: false, error: "You are signed out. Sign in again in another tab, then retry." };
  const file = formData.get("image");
  requirePermission(user, "write:post");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "Choose an image file." };
  return saveImage(file);
}
