import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UdfService } from "../../../gen/ts/aerogate/v1/udf_pb.js";
import {
  callFailure,
  freshSet,
  readSeeded,
  seed,
  startWorld,
  type TaskWorld,
  val,
  violationOf,
} from "../tasks/harness.js";

let w: TaskWorld;

const SOURCE = `
function echo(rec, v)
  return v
end

function set_bin(rec, name, value)
  rec[name] = value
  if aerospike:exists(rec) then
    aerospike:update(rec)
  else
    aerospike:create(rec)
  end
  return value
end

function fail(rec, msg)
  error(msg, 0)
end
`;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

describe("modules", () => {
  it("registers a module that every node then has, lists, gets and removes it", async () => {
    const reg = await w.g1.client.unary(UdfService.method.registerModule, {
      name: "udf_e2e",
      content: SOURCE,
    });
    expect(reg.response.module?.name).toBe("udf_e2e.lua");
    // The second gateway sees it at once: RegisterModule returned after every node had it.
    const listed = await w.g2.client.unary(UdfService.method.listModules, {});
    const mine = listed.response.modules.find((m) => m.name === "udf_e2e.lua");
    expect(mine).toBeDefined();
    expect(mine?.hash).toBe(reg.response.module?.hash);
    const got = await w.g2.client.unary(UdfService.method.getModule, { name: "udf_e2e.lua" });
    expect(got.response.content).toBe(SOURCE);

    await w.g1.client.unary(UdfService.method.registerModule, {
      name: "udf_tmp.lua",
      content: SOURCE,
    });
    await w.g1.client.unary(UdfService.method.removeModule, { name: "udf_tmp.lua" });
    const after = await w.g2.client.unary(UdfService.method.listModules, {});
    expect(after.response.modules.some((m) => m.name === "udf_tmp.lua")).toBe(false);
    const gone = await callFailure(
      w.g1.client.unary(UdfService.method.getModule, { name: "udf_tmp.lua" }),
    );
    expect(gone.code).toBe(5);
    const removeAgain = await callFailure(
      w.g1.client.unary(UdfService.method.removeModule, { name: "udf_tmp.lua" }),
    );
    expect(removeAgain.code).toBe(5);
  }, 30_000);

  it("rejects content that is not Lua, naming content", async () => {
    const e = await callFailure(
      w.g1.client.unary(UdfService.method.registerModule, {
        name: "broken.lua",
        content: "function broken(rec)\n  return (\nend\n",
      }),
    );
    expect(e.code).toBe(3);
    expect(violationOf(e)).toBe("content");
    expect(e.details).toMatch(/line 3/);
  });

  it.each([
    ["an empty name", { name: "", content: SOURCE }, "name"],
    ["a name with a separator", { name: "a;b.lua", content: SOURCE }, "name"],
    ["empty content", { name: "x.lua", content: "  " }, "content"],
  ])("rejects %s", async (_, req, field) => {
    const e = await callFailure(w.g1.client.unary(UdfService.method.registerModule, req));
    expect(e.code).toBe(3);
    expect(violationOf(e)).toBe(field);
  });
});

describe("Apply", () => {
  const key = (set: string, i: number) => ({
    namespace: "test",
    set,
    userKey: { case: "stringValue" as const, value: `k${i}` },
  });

  beforeAll(async () => {
    await w.g1.client.unary(UdfService.method.registerModule, {
      name: "udf_apply",
      content: SOURCE,
    });
  });

  it("returns the function's result as a Value and applies its writes", async () => {
    const set = freshSet("apply");
    await seed(w.db, set, 3);
    const echo = await w.g1.client.unary(UdfService.method.apply, {
      key: key(set, 1),
      udf: { package: "udf_apply", function: "echo", args: [val.str("hello")] },
    });
    expect(echo.response.result?.kind).toEqual({ case: "stringValue", value: "hello" });
    const wrote = await w.g2.client.unary(UdfService.method.apply, {
      key: key(set, 2),
      udf: { package: "udf_apply", function: "set_bin", args: [val.str("x"), val.int(2n ** 60n)] },
    });
    expect(wrote.response.result?.kind).toEqual({ case: "intValue", value: 2n ** 60n });
    expect((await readSeeded(w.db, set, 2))?.bins.x).toBe(2n ** 60n);
  });

  it.each([
    ["an unknown function", { package: "udf_apply", function: "nope" }, 9, "udf.function"],
    ["an unknown module", { package: "no_such_module", function: "f" }, 9, "udf.package"],
    ["no function", { package: "udf_apply", function: "" }, 3, "udf.function"],
    ["no module", { package: "", function: "f" }, 3, "udf.package"],
  ])("answers %s naming the field", async (_, udf, code, field) => {
    const e = await callFailure(
      w.g1.client.unary(UdfService.method.apply, { key: key("apply_bad", 1), udf }),
    );
    expect(e.code).toBe(code);
    expect(violationOf(e)).toBe(field);
  });

  it("reports a UDF's own error with its message", async () => {
    const e = await callFailure(
      w.g1.client.unary(UdfService.method.apply, {
        key: key("apply_bad", 1),
        udf: { package: "udf_apply", function: "fail", args: [val.str("custom failure")] },
      }),
    );
    expect(e.code).toBe(9);
    expect(e.details).toContain("custom failure");
  });
});
