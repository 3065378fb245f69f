import { z } from "zod";

/** The "Try again" button of /admin/mail: one outbox mail's id (a cuid). */
export const MailRefSchema = z.object({
  mailId: z.string().regex(/^[a-z0-9]{20,40}$/, "This form is out of date; reload the page."),
});
