import { describe, expect, it } from "vitest";
import { bin, type E, filter, mp, O, read, record, T } from "./exp-helper.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const rec = record({
  i: mp.int(42),
  neg: mp.int(-7),
  small: mp.int(INT64_MIN),
  big: mp.int(INT64_MAX),
  f: mp.float(3.5),
  s: mp.str("hello"),
  t: mp.bool(true),
  l: mp.list(mp.int(1), mp.int(2)),
  bl: mp.blob(Buffer.from([1, 2])),
});

const i = (n: string) => bin(T.int, n);
const f = (n: string) => bin(T.float, n);

describe("scalar operators", () => {
  const cases: [string, E, unknown][] = [
    ["add", [O.add, i("i"), 1, 2], 45n],
    ["sub negate", [O.sub, i("i")], -42n],
    ["mul wraps", [O.mul, i("big"), 2], -2n],
    ["div truncates", [O.div, i("neg"), 2], -3n],
    ["div one arg", [O.div, { f: 4 }], 0.25],
    ["div int64 min by -1 is defined (wraps)", [O.div, i("small"), -1], INT64_MIN],
    ["mod int64 min by -1 is 0", [O.mod, i("small"), -1], 0n],
    ["mod sign of dividend", [O.mod, i("neg"), 3], -1n],
    ["pow", [O.pow, { f: 2 }, { f: 0.5 }], Math.SQRT2],
    ["pow of 1 with NaN exponent is 1 (C pow)", [O.pow, { f: 1 }, [O.div, { f: 0 }, { f: 0 }]], 1],
    ["log", [O.log, { f: 100 }, { f: 10 }], 2],
    ["abs float", [O.abs, { f: -1.5 }], 1.5],
    ["abs int64 min wraps", [O.abs, i("small")], INT64_MIN],
    ["floor", [O.floor, f("f")], 3],
    ["ceil", [O.ceil, f("f")], 4],
    ["toInt NaN", [O.toInt, [O.div, { f: 0 }, { f: 0 }]], INT64_MIN],
    ["toInt -1e300", [O.toInt, { f: -1e300 }], INT64_MIN],
    ["toFloat", [O.toFloat, i("neg")], -7],
    ["intAnd", [O.iand, i("i"), 15, 14], 10n],
    ["intOr", [O.ior, i("i"), 1], 43n],
    ["intXor", [O.ixor, i("i"), 42], 0n],
    ["intNot", [O.inot, 0], -1n],
    ["lshift by 65 = by 1", [O.lshift, 1, 65], 2n],
    ["rshift logical", [O.rshift, -1, 60], 15n],
    ["arshift", [O.arshift, -16, 2], -4n],
    ["count -1", [O.icount, -1], 64n],
    ["lscan false", [O.lscan, -1, false], -1n],
    ["lscan 1 true", [O.lscan, 1, true], 63n],
    ["rscan 0 true", [O.rscan, 0, true], -1n],
    ["rscan min true", [O.rscan, i("small"), true], 0n],
    ["min floats", [O.min, { f: 2 }, { f: -1 }, { f: 0 }], -1],
    ["max ints", [O.max, 1, 9, 3], 9n],
    ["eq nil nil", [O.eq, null, null], true],
    ["lt nil nil", [O.lt, null, null], false],
    ["bool order", [O.lt, false, true], true],
    ["string bytewise", [O.lt, "B", "a"], true],
    ["blob compare", [O.gt, bin(T.blob, "bl"), Buffer.from([1])], true],
    ["list compare", [O.eq, bin(T.list, "l"), [O.quote, [1, 2]]], true],
    ["in list", [O.inList, 2, bin(T.list, "l")], true],
    ["regex basic: + literal", [O.regex, 0, { raw: "hel+o" }, bin(T.str, "s")], false],
    ["regex extended", [O.regex, 1, { raw: "hel+o" }, bin(T.str, "s")], true],
    ["regex basic group", [O.regex, 0, { raw: "\\(he\\)l*o" }, bin(T.str, "s")], true],
    ["regex bracket class", [O.regex, 1, { raw: "^[[:alpha:]]+$" }, bin(T.str, "s")], true],
    ["and short-circuits unknown", [O.and, [O.eq, i("nosuch"), 1], false], false],
    ["or short-circuits unknown", [O.or, [O.eq, i("nosuch"), 1], true], true],
    ["exclusive", [O.xor, true, false, false], true],
    ["not", [O.not, bin(T.bool, "t")], false],
    ["cond", [O.cond, false, 1, true, 2, 3], 2n],
    ["cond unknown branch skipped", [O.cond, true, 1, [O.unknown]], 1n],
    [
      "let",
      [
        O.let,
        { raw: "a" },
        2,
        { raw: "b" },
        [O.mul, [O.var, { raw: "a" }], 5],
        [O.add, [O.var, { raw: "a" }], [O.var, { raw: "b" }]],
      ],
      12n,
    ],
    ["binType missing", [O.binType, { raw: "zz" }], 0n],
    ["binType blob", [O.binType, { raw: "bl" }], 4n],
  ];
  it.each(cases)("%s", (_n, e, want) => {
    const got = read(rec, e);
    expect(got.code).toBe(0);
    const v = got.value as { kind: string; value?: unknown };
    if (typeof want === "number" && Number.isNaN(want)) expect(Number.isNaN(v.value)).toBe(true);
    else expect(v.value).toEqual(want);
  });
});

describe("unknown and build errors", () => {
  const cases: [string, E, number][] = [
    ["int div by zero → unknown", [O.div, i("i"), 0], 26],
    ["mod by zero → unknown", [O.mod, i("i"), 0], 26],
    ["missing bin", i("nosuch"), 26],
    ["wrong bin type", f("i"), 26],
    ["and with unknown and no false", [O.and, true, [O.eq, i("zz"), 1]], 26],
    ["exclusive with unknown", [O.xor, true, [O.eq, i("zz"), 1]], 26],
    ["cond with unknown condition", [O.cond, [O.eq, i("zz"), 1], 1, 2], 26],
    ["key of the wrong type", [O.key, T.int], 26],
    ["mixed int and float", [O.add, 1, { f: 1 }], 4],
    ["compare int with string", [O.eq, 1, "1"], 4],
    [
      "compare geo",
      [
        O.eq,
        { geo: '{"type":"Point","coordinates":[1,1]}' },
        { geo: '{"type":"Point","coordinates":[1,1]}' },
      ],
      4,
    ],
    ["and with one arg", [O.and, true], 4],
    ["not of int", [O.not, 1], 4],
    ["unknown op", [99, 1], 4],
    ["result remove (path expressions) is not supported", [100], 4],
    ["empty op array", [], 4],
    ["wrong arity", [O.eq, 1], 4],
    ["digest modulo 0", [O.digestMod, 0], 4],
    ["digest modulo without arg", [O.digestMod], 4],
    ["invalid key type", [O.key, T.list], 4],
    ["bin type out of range", [O.bin, 10, { raw: "i" }], 4],
    ["bin name too long", [O.bin, T.int, { raw: "sixteen-chars-xx" }], 4],
    ["var undefined", [O.let, { raw: "x" }, 1, [O.var, { raw: "y" }]], 4],
    ["var used while defined", [O.let, { raw: "x" }, [O.var, { raw: "x" }], 1], 4],
    ["let shadowing", [O.let, { raw: "x" }, 1, [O.let, { raw: "x" }, 2, 3]], 4],
    ["let bad name", [O.let, { raw: "1x" }, 1, 2], 4],
    ["let even arg count", [O.let, { raw: "x" }, 1], 4],
    ["cond mixed types", [O.cond, true, 1, "a"], 4],
    ["cond even arg count", [O.cond, true, 1], 4],
    ["regex invalid", [O.regex, 1, { raw: "(" }, "s"], 4],
    ["regex on int", [O.regex, 0, { raw: "a" }, 1], 4],
    ["quote of non-list", [O.quote, 1], 4],
    ["call on int bin", [O.call, T.int, 0, [16], i("i")], 4],
    ["call invalid system", [O.call, T.int, 3, [16], bin(T.list, "l")], 4],
    ["invalid geojson literal", [O.geo, { geo: "{" }, { geo: "{" }], 4],
    ["in list of non-list", [O.inList, 1, 2], 4],
    ["pow of ints", [O.pow, 2, 2], 4],
    ["floor of int", [O.floor, 2], 4],
    ["shift of float", [O.lshift, { f: 1 }, 1], 4],
  ];
  it.each(cases)("%s", (_n, e, code) => {
    expect(read(rec, e).code).toBe(code);
  });

  it("deep nesting is rejected, not a stack overflow", () => {
    let e: E = true;
    for (let k = 0; k < 5000; k++) e = [O.not, e];
    expect(read(rec, e).code).toBe(4);
    let ok: E = true;
    for (let k = 0; k < 200; k++) ok = [O.not, ok];
    expect(read(rec, ok)).toEqual({ code: 0, value: mp.bool(true) });
    expect(filter(rec, Buffer.concat([Buffer.alloc(200000, 0x91), Buffer.from([0x00])]))).toBe(4);
  });

  it("literal strings need a type prefix", () => {
    expect(read(rec, { raw: "" }).code).toBe(4);
    expect(read(rec, { raw: "\u0009x" }).code).toBe(4);
  });
});

describe("filters", () => {
  it("true passes, false and unknown are filtered out, non-boolean is a parameter error", () => {
    expect(filter(rec, [O.eq, i("i"), 42])).toBe(0);
    expect(filter(rec, [O.eq, i("i"), 41])).toBe(27);
    expect(filter(rec, [O.eq, i("zz"), 41])).toBe(27);
    expect(filter(rec, [O.unknown])).toBe(27);
    expect(filter(rec, 1)).toBe(4);
    expect(filter(rec, [O.add, 1, 2])).toBe(4);
    expect(filter(rec, Buffer.alloc(0))).toBe(4);
    expect(filter(rec, Buffer.from([0x93, 0x01]))).toBe(4);
    expect(filter(rec, Buffer.from("c3c3", "hex"))).toBe(4);
  });

  it("never throws on random or mutated input", () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const seeds = [
      "9301935102a169cb4045000000000000",
      "957f0400941a070103935104a46e756d73",
      "967da1789314935102a16901a1799316927ca178029315927ca179927ca178",
      "957f02029238927e91a20361935109a168",
      "9308935108a167d931177b2274797065223a224165726f436972636c65222c22636f6f7264696e61746573223a5b5b302c305d2c313030305d7d",
    ].map((h) => Buffer.from(h, "hex"));
    for (let k = 0; k < 20000; k++) {
      let buf: Buffer;
      if (k % 2 === 0) {
        buf = Buffer.from(seeds[k % seeds.length] as Buffer);
        for (let m = 0; m < 1 + (rnd() % 3); m++) buf[rnd() % buf.length] = rnd() & 0xff;
      } else {
        buf = Buffer.from(Array.from({ length: rnd() % 24 }, () => rnd() & 0xff));
      }
      const code = filter(rec, buf);
      expect([0, 4, 27]).toContain(code);
      expect([0, 4, 26]).toContain(read(rec, { mp: { kind: "nil" } }).code);
    }
  });
});
