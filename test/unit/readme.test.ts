import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVE_OPTIONS } from "../../src/config.js";
import {
  CONFIG_TABLE_BEGIN,
  CONFIG_TABLE_END,
  configMarkdownTable,
} from "../../src/config-docs.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("shows the two commands of a new user", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm install && npm test");
  });

  it("has the configuration table generated from the option specs", () => {
    const begin = readme.indexOf(CONFIG_TABLE_BEGIN);
    const end = readme.indexOf(CONFIG_TABLE_END);
    expect(begin, "README lacks the config-table markers").toBeGreaterThan(-1);
    const table = readme.slice(begin + CONFIG_TABLE_BEGIN.length, end).trim();
    expect(table, "regenerate with: npx vite-node scripts/readme-config.ts").toBe(
      configMarkdownTable(),
    );
  });

  it("documents every serve option with its environment variable", () => {
    for (const s of Object.values(SERVE_OPTIONS)) {
      expect(readme).toContain(`--${s.flag}`);
      expect(readme).toContain(`\`${s.env}\``);
    }
  });
});
