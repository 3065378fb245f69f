import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import {
  ChangePasswordSchema,
  COMMON_PASSWORD_MESSAGE,
  ResetPasswordSchema,
  SignUpFormSchema,
  SignUpSchema,
} from "@/lib/validations/account";

/**
 * The most used passwords of public breach corpora, as the maintained zxcvbn-ts project
 * ships them (@zxcvbn-ts/language-common: 49,233 entries, most common first), inside the
 * app: no network. Server only: the forms never load it (docs/decisions/024).
 */
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

// Most list entries are shorter than the 15 characters sign-up asks for, so the ways
// people stretch them are checked too: "dragon123456789", "passwordpassword",
// "monkey!!!!!!!!!!", "letmein letmein letmein".
function variants(password: string): string[] {
  const lower = password.toLowerCase();
  const joined = lower.replace(/\s+/g, "");
  const found = new Set<string>();
  for (const text of [lower, joined]) {
    found.add(text);
    found.add(text.replace(/[\p{N}\p{P}\p{S}\s]+$/u, ""));
    found.add(text.replace(/^[\p{N}\p{P}\p{S}\s]+/u, ""));
    const unit = /^(.+?)\1+$/su.exec(text)?.[1];
    if (unit) found.add(unit);
  }
  found.delete("");
  return [...found];
}

/** True for a password from the list, or one of the list's entries stretched. */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  return variants(password.normalize("NFKC")).some((candidate) => list.has(candidate));
}

const notCommon = (input: { password: string }) => !isCommonPassword(input.password);
const refusal = () => ({ path: ["password"], message: COMMON_PASSWORD_MESSAGE });

/** The sign-up rules with the common-password list: for every server path that sets a password. */
export const CheckedSignUpSchema = SignUpSchema.refine(notCommon, refusal());
export const CheckedSignUpFormSchema = SignUpFormSchema.refine(notCommon, refusal());
/** A password change (/account) under the same rules. */
export const CheckedChangePasswordSchema = ChangePasswordSchema.refine(
  (input) => !isCommonPassword(input.newPassword),
  { path: ["newPassword"], message: COMMON_PASSWORD_MESSAGE },
);
/** A new password chosen through a reset link, under the same rules. */
export const CheckedResetPasswordSchema = ResetPasswordSchema.refine(notCommon, refusal());
