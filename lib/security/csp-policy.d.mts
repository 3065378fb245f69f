export type ScriptAllowance = { nonce: string } | { hashes: string[] };
export type PolicyEnvironment = { development: boolean; https: boolean; formTargets: string[] };
export function buildContentSecurityPolicy(options: { scripts: ScriptAllowance } & PolicyEnvironment): string;
export function policyEnvironment(env: Record<string, string | undefined>): PolicyEnvironment;
export function inlineScriptHashes(html: string, sha256Base64: (text: string) => string): string[];
