import type { NextRequest } from "next/server";
import { liveResponse, readyResponse } from "@/lib/health/responses";

export const dynamic = "force-dynamic";

/** `GET /api/health`: readiness; `?probe=live` (or /api/health/live) for liveness only. */
export async function GET(request: NextRequest) {
  return request.nextUrl.searchParams.get("probe") === "live" ? liveResponse() : readyResponse();
}
