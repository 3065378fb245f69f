import "server-only";
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/health/readiness";

// A health answer is about this moment and this instance: no cache, shared or private.
const NO_STORE = { "Cache-Control": "no-store" };

/** Liveness: the process is up and serving; touches nothing else. */
export function liveResponse(): NextResponse {
  return NextResponse.json({ status: "ok", probe: "live" }, { headers: NO_STORE });
}

/** Readiness: 200 when the database answers and its migrations are current, else 503. */
export async function readyResponse(): Promise<NextResponse> {
  const { ready, ...checks } = await checkReadiness(db);
  return NextResponse.json(
    { status: ready ? "ok" : "unavailable", probe: "ready", checks },
    { status: ready ? 200 : 503, headers: NO_STORE },
  );
}
