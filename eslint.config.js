// ESLint flat config: typescript-eslint type-checked rules, Next's rules, and the pure-core guard
// that keeps lib/pipeline and lib/grading free of I/O, the clock and unseeded randomness.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", ".next-e2e/**", "node_modules/**", "generated/**", ".pgdata/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "**/.*"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser }, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-unnecessary-type-assertion": "warn",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["lib/pipeline/**", "lib/grading/**", "lib/diagram/**", "lib/estimates/**", "lib/review/**", "lib/progress/**", "lib/mock/**", "lib/simulations/**"],
    ignores: ["lib/grading/server/**", "lib/mock/server/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{
        group: ["next", "next/*", "@prisma/client", "@/generated/*", "server-only", "@/lib/db", "@/lib/db/*", "@/lib/auth", "@/lib/auth/*", "@/lib/jobs", "@/lib/jobs/*"],
        message: "Pure core: take data and ports as arguments; app/, lib/jobs and */server do the I/O.",
      }] }],
      "no-restricted-properties": ["error",
        { object: "Math", property: "random", message: "Use the injected, seeded rng." },
        { object: "Date", property: "now", message: "Use the injected clock." }],
    },
  },
  { files: ["**/*.js", "**/*.mjs", "**/*.mts"], ...tseslint.configs.disableTypeChecked },
);
