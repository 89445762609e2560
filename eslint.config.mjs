import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const ENGINE_MESSAGE =
  "lib/engine imports nothing of the studio's: give the engine its own copy (see lib/engine/README.md, Conformance).";
const ENGINE_ALIAS = { group: ["@/**"], message: ENGINE_MESSAGE };
const leavingEngine = (up) => ({ group: [`${up}**`], message: ENGINE_MESSAGE });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // House style: no default exports outside app/ (Next needs them there).
      "import/no-default-export": "error",
    },
  },
  {
    files: ["app/**", "*.config.*", "*.mjs"],
    rules: { "import/no-default-export": "off" },
  },
  {
    // lib/ never imports from components/.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/components/*", "**/components/*"] }],
    },
  },
  {
    // The embedded engine is an independent implementation of the spec: it
    // imports nothing of the studio's, so it can catch the studio's mistakes.
    files: ["lib/engine/*.{ts,mjs}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [ENGINE_ALIAS, leavingEngine("../")] }],
    },
  },
  {
    files: ["lib/engine/*/**/*.{ts,mjs}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [ENGINE_ALIAS, leavingEngine("../../")] }],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/.out/**",
  ]),
]);
