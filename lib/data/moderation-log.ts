import "server-only";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/log/security";

/**
 * Records one moderation step: a row in the moderation log (shown at /moderation) and a
 * "moderation.action" line in the security log, from the same facts. `detail` never
 * holds comment text.
 */
export async function logModeration(
  actorId: string,
  action: string,
  targetType: "comment" | "user" | "settings",
  targetId: string | number,
  detail?: string,
): Promise<void> {
  await db.moderationLog.create({
    data: { actorId, action, targetType, targetId: String(targetId), detail: detail ?? null },
  });
  securityEvent("moderation.action", { userId: actorId, action, targetType, targetId: String(targetId) });
}
