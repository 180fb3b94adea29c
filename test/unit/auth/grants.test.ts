import { describe, expect, it } from "vitest";
import {
  type Access,
  allows,
  grantsFromJson,
  NO_GRANTS,
  parseGrantTable,
  parseScope,
} from "../../../src/auth/grants.js";

describe("grants", () => {
  it.each([
    ["test", { namespace: "test", set: undefined }],
    ["test/users", { namespace: "test", set: "users" }],
    ["*", { namespace: "*", set: undefined }],
  ])("parses scope %s", (text, scope) => {
    expect(parseScope(text)).toEqual(scope);
  });

  it.each(["", "/x", "test/", "*/set"])("rejects scope %j", (text) => {
    expect(() => parseScope(text)).toThrow(/invalid scope/);
  });

  const g = grantsFromJson(
    { read: ["test"], write: ["test/users"], tasks: ["jobs"], admin: ["ops"] },
    "t",
  );
  const table: [Access, boolean][] = [
    [{ right: "read", namespace: "test", set: "anything" }, true],
    [{ right: "read", namespace: "other", set: "" }, false],
    [{ right: "write", namespace: "test", set: "users" }, true],
    [{ right: "write", namespace: "test", set: "orders" }, false],
    [{ right: "write", namespace: "test" }, false],
    [{ right: "read", namespace: "test", set: "users" }, true],
    [{ right: "tasks", namespace: "jobs" }, true],
    [{ right: "tasks", namespace: "test" }, false],
    [{ right: "udf", namespace: "*" }, false],
    [{ right: "write", namespace: "ops", set: "x" }, true],
    [{ right: "udf", namespace: "ops", set: "x" }, true],
    [{ right: "tasks", namespace: "ops" }, true],
    [{ right: "tasks", namespace: "*" }, false],
  ];
  it.each(table)("%j → %s", (access, want) => {
    expect(allows(g, access)).toBe(want);
  });

  it("gives admin over * every right everywhere", () => {
    const admin = grantsFromJson({ admin: ["*"] }, "t");
    expect(allows(admin, { right: "udf", namespace: "*" })).toBe(true);
    expect(allows(admin, { right: "write", namespace: "x", set: "y" })).toBe(true);
    expect(allows(NO_GRANTS, { right: "read", namespace: "x", set: "" })).toBe(false);
  });

  it("parses a grants document and names the bad entry", () => {
    const t = parseGrantTable(JSON.stringify({ principals: { a: { read: ["test"] }, b: {} } }));
    expect([...t.keys()]).toEqual(["a", "b"]);
    expect(() => parseGrantTable("{", "g.json")).toThrow(/g\.json: not valid JSON/);
    expect(() => parseGrantTable("{}", "g.json")).toThrow(/principals/);
    expect(() => parseGrantTable(JSON.stringify({ principals: { a: { fly: [] } } }))).toThrow(
      /principals\.a: unknown right "fly"/,
    );
    expect(() => parseGrantTable(JSON.stringify({ principals: { a: { read: "test" } } }))).toThrow(
      /principals\.a\.read/,
    );
  });
});
