import { NextResponse } from "next/server";
import { recordPostView } from "@/lib/data/posts";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  const viewCount = await recordPostView(Number(id));
  if (viewCount === null) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  return NextResponse.json({ viewCount }, { headers: { "Cache-Control": "no-store" } });
}
