import { z } from "zod";
import { IdSchema } from "@/lib/validations/ids";

/** A checkbox: "on" when ticked, absent (read as "") when not. */
const checkbox = z.string().transform((value) => value === "on");

/** "Follow this discussion" / "Unfollow" (docs/decisions/036). */
export const FollowDiscussionSchema = z.object({
  postId: IdSchema,
  follow: z
    .enum(["1", "0"], { error: "This form is out of date; reload the page." })
    .transform((value) => value === "1"),
  returnTo: z.string(),
});

/** /account/notifications. */
export const NotificationSettingsSchema = z.object({
  // A hidden field: a request that is not the settings form (checkboxes alone would read
  // an empty or forged body as "everything off") is refused.
  intent: z.literal("save", { error: "This form is out of date; reload the page." }),
  notifyReplies: checkbox,
  notifyModeration: checkbox,
  stopped: checkbox,
});
