import { NextResponse } from "next/server";
import { recordPostShare } from "@/lib/data/post-counters";
import { visitorFromRequest } from "@/lib/visitors/visitor";

/**
 * Counts a click on a share button (once per visitor per post per day) and returns the
 * total. Which network was chosen is not recorded: nothing about readers is tracked.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  const result = await recordPostShare(Number(id), visitorFromRequest(request));
  if (!result) return NextResponse.json({ error: "Unknown post" }, { status: 404 });
  return NextResponse.json(
    { shareCount: result.count, counted: result.counted },
    { headers: { "Cache-Control": "no-store" } },
  );
}
