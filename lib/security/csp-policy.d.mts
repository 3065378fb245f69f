export type ScriptAllowance = { nonce: string } | { hashes: string[] };
export type PolicyEnvironment = {
  development: boolean;
  https: boolean;
  formTargets: string[];
};
export function buildContentSecurityPolicy(options: { scripts: ScriptAllowance } & PolicyEnvironment): string;
export function policyEnvironment(env: {
  NODE_ENV?: string;
  SITE_URL?: string;
  AUTH_GITHUB_ID?: string;
  AUTH_GOOGLE_ID?: string;
  COMMENT_GRAVATAR?: string | boolean;
}): PolicyEnvironment;
export function inlineScriptHashes(html: string, sha256Base64: (text: string) => string): string[];
