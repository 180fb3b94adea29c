// Rewrites README.md's configuration table from the option specs in src/config.ts.
// Run: npx vite-node scripts/readme-config.ts
import { readFileSync, writeFileSync } from "node:fs";
import { CONFIG_TABLE_BEGIN, CONFIG_TABLE_END, configMarkdownTable } from "../src/config-docs.js";

const path = new URL("../README.md", import.meta.url);
const readme = readFileSync(path, "utf8");
const begin = readme.indexOf(CONFIG_TABLE_BEGIN);
const end = readme.indexOf(CONFIG_TABLE_END);
if (begin < 0 || end < begin) throw new Error("README.md lacks the config-table markers");
const next = `${readme.slice(0, begin + CONFIG_TABLE_BEGIN.length)}\n${configMarkdownTable()}\n${readme.slice(end)}`;
writeFileSync(path, next);
console.log("README.md configuration table updated");
