import { describe, expect, it } from "vitest";
import { definesFunction, parseCompileError, parseUdfList } from "../../../src/aerospike/udf.js";
import { moduleFileName } from "../../../src/mapping/udf-call.js";

describe("udf-list parsing", () => {
  it("reads the recorded reply of Aerospike 8.1.2", () => {
    const value =
      "filename=udf.lua,hash=e992d37180ad38f899f7bb1b7e92b16864949fc8,type=LUA;filename=fixture_udf.lua,hash=8ede0506b61151ad6fa49acf905bea021a3e7cd7,type=LUA;";
    expect(parseUdfList(value)).toEqual([
      { name: "udf.lua", hash: "e992d37180ad38f899f7bb1b7e92b16864949fc8" },
      { name: "fixture_udf.lua", hash: "8ede0506b61151ad6fa49acf905bea021a3e7cd7" },
    ]);
    expect(parseUdfList("")).toEqual([]);
  });
});

describe("compile errors", () => {
  it("decodes the recorded base64 message and line", () => {
    const e = parseCompileError(
      "error=compile_error;file=fixture_bad.lua;line=3;message=dW5leHBlY3RlZCBzeW1ib2wgbmVhciAnZW5kJw==",
    );
    expect(e?.line).toBe(3);
    expect(e?.detail).toBe("unexpected symbol near 'end'");
  });

  it("keeps a message the client already decoded", () => {
    const e = parseCompileError(
      "error=compile_error;file=fixture_bad.lua;line=3;message=unexpected symbol near 'end'",
    );
    expect(e?.message).toBe("line 3: unexpected symbol near 'end'");
  });

  it("is undefined for a successful reply", () => {
    expect(parseCompileError("ok")).toBeUndefined();
  });
});

describe("definesFunction", () => {
  const src = `
local function helper(x) return x end
function echo(rec, v)
  return v
end
set_bin = function(rec, name, value) return value end
function M.method(rec) end
-- function commented(rec) end is still text: a textual check
`;
  it.each([
    ["echo", true],
    ["set_bin", true],
    ["helper", false],
    ["method", false],
    ["missing", false],
    ["ech", false],
  ])("%s → %s", (name, expected) => {
    expect(definesFunction(src, name)).toBe(expected);
  });
});

describe("moduleFileName", () => {
  it.each([
    ["example", "example.lua"],
    ["example.lua", "example.lua"],
    [" spaced.lua ", "spaced.lua"],
  ])("%s → %s", (name, file) => {
    expect(moduleFileName(name, "name")).toBe(file);
  });

  it.each(["", ".lua", "a;b", "a/b.lua", "a b"])("rejects %j", (name) => {
    expect(() => moduleFileName(name, "name")).toThrow();
  });
});
