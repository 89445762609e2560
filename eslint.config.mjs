import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

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
