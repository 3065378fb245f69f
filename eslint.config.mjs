import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Auth.js is used only behind lib/auth/, so it can be swapped in one place.
const AUTH_IMPORTS = {
  paths: [
    { name: "next-auth", message: "Use lib/auth/ (guards, session actions); only it imports Auth.js." },
    { name: "@/auth", message: "Use lib/auth/ (guards, session actions); only it imports Auth.js." },
  ],
  patterns: [{ group: ["next-auth/*"], message: "Only lib/auth/ and auth.ts import Auth.js." }],
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // User text is rendered as text; HTML injection is reserved for nothing.
      "react/no-danger": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]",
          message: "Use the tagged-template $queryRaw/$executeRaw: parameters are escaped.",
        },
      ],
      // One owner per rule (issue 9): the environment is read in lib/env.ts ...
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read settings through lib/env.ts (secrets) or lib/config.ts (public): parsed once, validated.",
        },
      ],
      // ... and Auth.js only behind lib/auth/.
      "no-restricted-imports": ["error", AUTH_IMPORTS],
    },
  },
  {
    // Shared UI is used by routes, never the other way round: what a component needs
    // from a feature (an action, a rule) lives in lib/.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // A later block replaces the rule's options: keep the Auth.js restriction too.
          paths: AUTH_IMPORTS.paths,
          patterns: [
            ...AUTH_IMPORTS.patterns,
            {
              regex: "^(@/|(\\.\\./)+)app/",
              message: "components/ must not import from app/; move what both need to lib/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Where the environment is read on purpose: the env module itself, the files Node or
    // a tool loads outside the app (configs, the cache handler, the .env loader), and
    // scripts, seeds and tests, which set up their own.
    files: [
      "lib/env.ts",
      "lib/env-files.mjs",
      "lib/cache/csp-cache-handler.mjs",
      "server.mjs",
      "*.config.{ts,mjs}",
      "scripts/**",
      "seeds/**",
      "tests/**",
      "e2e/**",
      "**/*.test.{ts,tsx}",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Auth.js itself: its configuration, the guards around it, its route and its types;
    // benchmarks and end-to-end tests mint session cookies with it.
    files: [
      "auth.ts",
      "lib/auth/**",
      "app/api/auth/\\[...nextauth\\]/route.ts",
      "types/next-auth.d.ts",
      "scripts/**",
      "e2e/**",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
