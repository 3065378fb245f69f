import { NextResponse } from "next/server";
import { recordPostView } from "@/lib/data/post-counters";
import { visitorFromRequest } from "@/lib/visitors/visitor";

/** Counts a view (once per visitor per post per day; crawlers never) and returns the total. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  const result = await recordPostView(Number(id), visitorFromRequest(request));
  if (!result) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  return NextResponse.json({ viewCount: result.count, counted: result.counted }, { headers: { "Cache-Control": "no-store" } });
}
