import { describe, expect, it } from "vitest";
import { parseEmbeddedArgs } from "../../../src/embedded/main.js";

describe("aerogate embedded arguments", () => {
  it("defaults to 127.0.0.1:3000 and namespace test", () => {
    expect(parseEmbeddedArgs([])).toEqual({
      port: 3000,
      host: "127.0.0.1",
      namespaces: ["test"],
      help: false,
    });
  });

  it("parses repeated namespaces, --flag=value and --help", () => {
    expect(
      parseEmbeddedArgs([
        "--port",
        "0",
        "--host=0.0.0.0",
        "--namespace",
        "a",
        "--namespace=b",
        "--help",
      ]),
    ).toEqual({
      port: 0,
      host: "0.0.0.0",
      namespaces: ["a", "b"],
      help: true,
    });
  });

  it.each([
    ["--port", "x"],
    ["--port", "70000"],
    ["--bogus"],
    ["--namespace"],
    ["--namespace", "a:b"],
  ])("rejects %j", (...argv) => {
    expect(() => parseEmbeddedArgs(argv)).toThrow();
  });
});
