import { liveResponse } from "@/lib/health/responses";

export const dynamic = "force-dynamic";

/** `GET /api/health/live`: the process is up (never touches the database). */
export function GET() {
  return liveResponse();
}
