import { redirect } from "next/navigation";
import { requireAuthor } from "@/lib/auth/require-author";

export default async function AdminHome() {
  await requireAuthor("/admin");
  redirect("/admin/posts");
}
