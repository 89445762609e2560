import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const ENGINE_MESSAGE =
  "lib/engine imports nothing of the studio's: give the engine its own copy (see lib/engine/README.md, Conformance).";
const ENGINE_ALIAS = { group: ["@/**"], message: ENGINE_MESSAGE };
const leavingEngine = (up) => ({ group: [`${up}**`], message: ENGINE_MESSAGE });

const COMPONENTS = {
  group: ["@/components/**", "**/components/**"],
  message: "lib/ never imports components/.",
};
const only = (runtime, message) => ({
  group: [
    `@/lib/${runtime}/**`,
    `**/lib/${runtime}/**`,
    `../../${runtime}/**`,
    `../../../${runtime}/**`,
  ],
  message,
});
const NOT_SERVER = only(
  "server",
  "Browser or isomorphic code cannot import lib/server (it holds the token and the database).",
);
const NOT_ENGINE = only(
  "engine",
  "Only the studio's server may start the embedded engine; talk to it over HTTP.",
);
const NOT_CLIENT = only(
  "client",
  "Server or isomorphic code cannot import lib/client (browser-only).",
);

/** One entry per runtime folder of lib/: what it may not import. */
const BOUNDARIES = [
  { files: ["lib/client/**"], patterns: [COMPONENTS, NOT_SERVER, NOT_ENGINE] },
  { files: ["lib/server/**"], patterns: [COMPONENTS, NOT_CLIENT] },
  {
    files: ["lib/contract/**"],
    patterns: [
      COMPONENTS,
      NOT_SERVER,
      NOT_ENGINE,
      NOT_CLIENT,
      {
        group: ["next", "next/**", "react", "react-dom", "server-only"],
        message: "lib/contract is isomorphic: plain TypeScript and zod.",
      },
    ],
  },
  { files: ["lib/engine/*.{ts,mjs}"], patterns: [ENGINE_ALIAS, leavingEngine("../")] },
  { files: ["lib/engine/*/**/*.{ts,mjs}"], patterns: [ENGINE_ALIAS, leavingEngine("../../")] },
].map(({ files, patterns }) => ({
  files,
  // Tests run in Node and never ship: a client test may build fixtures with server helpers.
  ignores: files[0].startsWith("lib/engine") ? [] : ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "no-restricted-imports": ["error", { patterns }] },
}));

/** Reports a server or engine import in a file that starts with "use client". */
const clientImports = {
  meta: { type: "problem", schema: [] },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some(
      (node) => node.type === "ExpressionStatement" && node.directive === "use client",
    );
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        const from = String(node.source.value);
        if (/^@\/lib\/(server|engine)\//.test(from)) {
          context.report({
            node,
            message: `A client component cannot import ${from}: browser code never sees lib/server or lib/engine.`,
          });
        }
      },
    };
  },
};

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
  // Boundaries of lib/ (README "How it works"): a path says where code runs.
  ...BOUNDARIES,
  {
    // A client component ("use client") is browser code wherever it lives.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { studio: { rules: { "client-imports": clientImports } } },
    rules: { "studio/client-imports": "error" },
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
