import { type OptionSpec, SERVE_OPTIONS } from "./config.js";

/** The README marker lines between which the configuration table stands. */
export const CONFIG_TABLE_BEGIN =
  "<!-- config-table:begin (generated from src/config.ts; see test/unit/readme.test.ts) -->";
export const CONFIG_TABLE_END = "<!-- config-table:end -->";

/** Escapes a cell for a Markdown table. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/**
 * The `aerogate serve` options as a Markdown table (flag, environment variable, default,
 * meaning), built from the same option specs that `--help` prints, so the README cannot drift.
 */
export function configMarkdownTable(): string {
  const rows = (Object.values(SERVE_OPTIONS) as OptionSpec<unknown>[]).map((s) => {
    const head = s.boolean
      ? `\`--${s.flag}\` / \`--no-${s.flag}\``
      : `\`--${s.flag} ${s.arg ?? ""}\``;
    const def = s.default === undefined || s.default === "" ? "(unset)" : `\`${s.default}\``;
    return `| ${cell(head)} | \`${s.env}\` | ${cell(def)} | ${cell(s.description)} |`;
  });
  return ["| Flag | Environment | Default | Meaning |", "| --- | --- | --- | --- |", ...rows].join(
    "\n",
  );
}
