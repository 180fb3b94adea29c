import { describe, expect, test } from "vitest";
import { type Case, compiled, ctx, exp, LR, lists, MR, maps, T } from "./helpers.js";

const mapBin = exp.binMap("mapBin1");
const listBin = exp.binList("listBin1");

const cases: Case[] = [
  [
    "$.mapBin1.a.bb.bcc > 200",
    exp.gt(
      maps.getByKey(mapBin, exp.str("bcc"), T.INT, MR.VALUE, ctx().addMapKey("a").addMapKey("bb")),
      exp.int(200),
    ),
  ],
  [
    "$.mapBin1.a.'bb'.bcc.get(type: INT) > 200",
    exp.gt(
      maps.getByKey(mapBin, exp.str("bcc"), T.INT, MR.VALUE, ctx().addMapKey("a").addMapKey("bb")),
      exp.int(200),
    ),
  ],
  [
    "$.mapBin1.a.[0] == 100",
    exp.eq(
      lists.getByIndex(mapBin, exp.int(0), T.INT, LR.VALUE, ctx().addMapKey("a")),
      exp.int(100),
    ),
  ],
  [
    "$.mapBin1.a.cc.[2].get(type: INT) > 100",
    exp.gt(
      lists.getByIndex(mapBin, exp.int(2), T.INT, LR.VALUE, ctx().addMapKey("a").addMapKey("cc")),
      exp.int(100),
    ),
  ],
  [
    "$.mapBin1.a.[0].[0] == 100",
    exp.eq(
      lists.getByIndex(mapBin, exp.int(0), T.INT, LR.VALUE, ctx().addMapKey("a").addListIndex(0)),
      exp.int(100),
    ),
  ],
  [
    "$.listBin1.[2].cc.get(type: INT) > 100",
    exp.gt(
      maps.getByKey(listBin, exp.str("cc"), T.INT, MR.VALUE, ctx().addListIndex(2)),
      exp.int(100),
    ),
  ],
  [
    "$.listBin1.[2].aa.cc > 100",
    exp.gt(
      maps.getByKey(listBin, exp.str("cc"), T.INT, MR.VALUE, ctx().addListIndex(2).addMapKey("aa")),
      exp.int(100),
    ),
  ],
  [
    "$.listBin1.[1].a.[0].count() == 100",
    exp.eq(
      lists.size(
        lists.getByIndex(
          listBin,
          exp.int(0),
          T.LIST,
          LR.VALUE,
          ctx().addListIndex(1).addMapKey("a"),
        ),
      ),
      exp.int(100),
    ),
  ],
  [
    "$.listBin1.[1].a.[0].[].count() == 100",
    exp.eq(
      lists.size(
        lists.getByIndex(
          listBin,
          exp.int(0),
          T.LIST,
          LR.VALUE,
          ctx().addListIndex(1).addMapKey("a"),
        ),
      ),
      exp.int(100),
    ),
  ],
  [
    "$.listBin1.[1].[2].count() == 100",
    exp.eq(
      lists.size(lists.getByIndex(listBin, exp.int(2), T.LIST, LR.VALUE, ctx().addListIndex(1))),
      exp.int(100),
    ),
  ],
  [
    "$.mapBin1.a.[0].cc > 100",
    exp.gt(
      maps.getByKey(mapBin, exp.str("cc"), T.INT, MR.VALUE, ctx().addMapKey("a").addListIndex(0)),
      exp.int(100),
    ),
  ],
  [
    "$.mapBin1.{5}.{#-1}.{=100} == [100]",
    exp.eq(
      maps.getByValue(mapBin, exp.int(100), MR.VALUE, ctx().addMapIndex(5).addMapRank(-1)),
      exp.list([100]),
    ),
  ],
  [
    "$.mapBin1.{=x}.{=y}.z == 1",
    exp.eq(
      maps.getByKey(mapBin, exp.str("z"), T.INT, MR.VALUE, ctx().addMapValue("x").addMapValue("y")),
      exp.int(1),
    ),
  ],
  [
    "$.listBin1.[=5].[#0] == 1",
    exp.eq(
      lists.getByRank(listBin, exp.int(0), T.INT, LR.VALUE, ctx().addListValue(5)),
      exp.int(1),
    ),
  ],
  [
    "$.listBin1.[5].[#-3:]",
    lists.getByRankRangeToEnd(listBin, exp.int(-3), LR.VALUE, ctx().addListIndex(5)),
  ],
  [
    "$.mapBin1.a.{#-1} == 100",
    exp.eq(
      maps.getByRank(mapBin, exp.int(-1), T.INT, MR.VALUE, ctx().addMapKey("a")),
      exp.int(100),
    ),
  ],
  [
    "$.rooms.room1.rates.rateType in ['RACK_RATE', 'DISCOUNT']",
    lists.getByValue(
      exp.list(["RACK_RATE", "DISCOUNT"]),
      maps.getByKey(
        exp.binMap("rooms"),
        exp.str("rateType"),
        T.STR,
        MR.VALUE,
        ctx().addMapKey("room1").addMapKey("rates"),
      ),
      LR.EXISTS,
    ),
  ],
];

describe("nested paths", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});
