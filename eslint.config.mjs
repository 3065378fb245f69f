import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

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
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)app/",
              message: "components/ must not import from app/; move what both need to lib/ or components/.",
            },
          ],
        },
      ],
    },
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
