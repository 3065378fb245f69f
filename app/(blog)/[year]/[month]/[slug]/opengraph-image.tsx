import { ImageResponse } from "next/og";
import { config } from "@/lib/config";
import { getPostByPermalink } from "@/lib/data/posts";
import { formatDateHeader } from "@/lib/text/dates";
import { parseSlugParam } from "@/lib/validations/listing";

// A card per post for link previews. Uses next/og's bundled font only: nothing is
// fetched at build or request time (these machines have no route to font hosts).
export const alt = "Post title card";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

type ImageProps = { params: Promise<{ year: string; month: string; slug: string }> };

export default async function OpengraphImage({ params }: ImageProps) {
  const { year, month, slug } = await params;
  const decoded = parseSlugParam(slug);
  const valid = /^\d{4}$/.test(year) && /^(0[1-9]|1[0-2])$/.test(month) && decoded !== null;
  const post = valid ? await getPostByPermalink(year, month, decoded) : null;
  if (!post) return new Response("Not found", { status: 404 });
  const title = post.title;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px",
        background: "#fdfcfa",
        color: "#1d1b18",
        borderTop: "24px solid #1f5fa8",
      }}
    >
      <div
        style={{
          display: "flex",
          fontSize: 32,
          color: "#5f5a52",
          textTransform: "uppercase",
          letterSpacing: 2,
        }}
      >
        {formatDateHeader(post.publishedAt)}
      </div>
      <div
        style={{ display: "flex", fontSize: title.length > 70 ? 60 : 76, fontWeight: 700, lineHeight: 1.15 }}
      >
        {title.slice(0, 160)}
      </div>
      <div style={{ display: "flex", fontSize: 34, color: "#1f5fa8" }}>{config.title}</div>
    </div>,
    size,
  );
}
