import { z } from "zod";
import { characterCount, hasBidiControls, hasInvisibleOrControl } from "@/lib/text/unicode";
import { safeReturnPath } from "@/lib/auth/redirects";

/**
 * Account input rules, shared by the forms and the server actions. Passwords follow
 * NIST SP 800-63B rev. 4 / OWASP ASVS: at least 15 characters when the password is the
 * only factor, long passphrases allowed (up to 256), no composition rules, no
 * truncation, and a check against commonly used passwords (server side, see
 * lib/auth/common-passwords.ts: every schema here is also loaded by the forms).
 */
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 50;

/**
 * Said for a password refused as too easy: too few different characters (here), or on
 * the server's list of common passwords (lib/auth/common-passwords.ts, too large for
 * the browser).
 */
export const COMMON_PASSWORD_MESSAGE = "This password is too common or too easy to guess; choose another.";

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

const EmailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(
    z
      .email("Enter a valid email address, like name@example.com.")
      .max(254, "That email address is too long."),
  );

export const NameSchema = z
  .string()
  .transform((name) => name.normalize("NFKC").trim().replace(/\s+/g, " "))
  .refine((name) => name.length > 0, "Enter your name.")
  .refine((name) => characterCount(name) <= NAME_MAX, `Your name can be at most ${NAME_MAX} characters.`)
  .refine(
    (name) => !hasBidiControls(name) && !hasInvisibleOrControl(name),
    "Your name contains invisible or direction-changing characters; please remove them.",
  );

export const PasswordSchema = z
  .string()
  .transform((password) => password.normalize("NFKC"))
  .refine(
    (p) => characterCount(p) >= PASSWORD_MIN,
    `Use at least ${PASSWORD_MIN} characters; a few words make a good passphrase.`,
  )
  .refine((p) => characterCount(p) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => new Set(p).size > 3, COMMON_PASSWORD_MESSAGE);

export const SignUpSchema = z
  .object({ name: NameSchema, email: EmailSchema, password: PasswordSchema })
  .refine((input) => input.password.toLowerCase() !== input.email, {
    path: ["password"],
    message: "Your password must not be your email address.",
  });

/** Sign-in checks shape only: length rules would tell attackers about accounts. */
export const SignInSchema = z.object({
  email: z.string().transform(normalizeEmail).pipe(z.string().min(1).max(254)),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
});

export type SignUpInput = z.infer<typeof SignUpSchema>;

/** A form's return address (`callbackUrl`, `returnTo`): ours and relative, or "/". */
export const ReturnPathSchema = z.string().transform((value) => safeReturnPath(value));

/** What the sign-in form posts: checked by Auth.js's authorize (lib/auth/authenticate.ts). */
export const SignInFormSchema = z.object({
  email: z.string(),
  password: z.string(),
  callbackUrl: ReturnPathSchema,
});

export const SignUpFormSchema = SignUpSchema.safeExtend({ callbackUrl: ReturnPathSchema });

/** /account: a new display name (the sign-up rules; reserved names are checked on the server). */
export const RenameSchema = z.object({ name: NameSchema });

/** /account: the current password, and a new one under the sign-up rules. */
export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(PASSWORD_MAX * 4),
    newPassword: PasswordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword.normalize("NFKC"), {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });

export const DELETION_MODES = ["anonymous", "remove"] as const;

/**
 * /account: deleting the account. `password` for accounts that have one; accounts that
 * sign in only through GitHub or Google type their email instead (`confirmEmail`).
 */
export const DeleteAccountSchema = z.object({
  mode: z.enum(DELETION_MODES, { error: "Choose what happens to your comments." }),
  password: z.string().max(PASSWORD_MAX * 4),
  confirmEmail: z.string().transform(normalizeEmail),
});

export const OAuthSignInSchema = z.object({ provider: z.string(), callbackUrl: ReturnPathSchema });
export const SignOutSchema = z.object({ returnTo: ReturnPathSchema });

/** /reset-password: the address to send a reset link to (shape only: no account is revealed). */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema });

/** The random part of a reset link: 32 bytes in base64url (lib/auth/password-reset.ts). */
export const ResetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");

/** /reset-password/<token>: the token from the link and a new password under the sign-up rules. */
export const ResetPasswordSchema = z.object({ token: ResetTokenSchema, password: PasswordSchema });

/** /account: a new address for the account, proven by the current password (docs/decisions/034). */
export const ChangeEmailSchema = z.object({
  newEmail: EmailSchema,
  currentPassword: z
    .string()
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX * 4),
});

/** The random part of a verification link (lib/auth/email-verification.ts): the reset token's shape. */
export const VerifyTokenSchema = ResetTokenSchema;
