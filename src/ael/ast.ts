import type { AelReturnType, AelType } from "./exp-codes.js";

/** A constant that can appear inside a path selector (`[=a,b]`, `{#-1:1~10}`, `.key`). */
export type PathValue = string | bigint;

/** One step of a bin path: a list or map selector, or a bare type designator (`[]`, `{}`). */
export type PathPart =
  | { readonly kind: "listDesignator"; readonly pos: number }
  | { readonly kind: "mapDesignator"; readonly pos: number }
  | { readonly kind: "listIndex"; readonly index: number; readonly pos: number }
  | { readonly kind: "listRank"; readonly rank: number; readonly pos: number }
  | { readonly kind: "listValue"; readonly value: PathValue; readonly pos: number }
  | {
      readonly kind: "listIndexRange";
      readonly inverted: boolean;
      readonly start: number;
      readonly count?: number;
      readonly pos: number;
    }
  | {
      readonly kind: "listRankRange";
      readonly inverted: boolean;
      readonly start: number;
      readonly count?: number;
      readonly pos: number;
    }
  | {
      readonly kind: "listValueList";
      readonly inverted: boolean;
      readonly values: readonly PathValue[];
      readonly pos: number;
    }
  | {
      readonly kind: "listValueRange";
      readonly inverted: boolean;
      readonly begin: PathValue;
      readonly end?: PathValue;
      readonly pos: number;
    }
  | {
      readonly kind: "listRankRelative";
      readonly inverted: boolean;
      readonly rank: number;
      readonly count?: number;
      readonly value: PathValue;
      readonly pos: number;
    }
  | { readonly kind: "mapKey"; readonly key: PathValue; readonly pos: number }
  | { readonly kind: "mapIndex"; readonly index: number; readonly pos: number }
  | { readonly kind: "mapRank"; readonly rank: number; readonly pos: number }
  | { readonly kind: "mapValue"; readonly value: PathValue; readonly pos: number }
  | {
      readonly kind: "mapIndexRange";
      readonly inverted: boolean;
      readonly start: number;
      readonly count?: number;
      readonly pos: number;
    }
  | {
      readonly kind: "mapRankRange";
      readonly inverted: boolean;
      readonly start: number;
      readonly count?: number;
      readonly pos: number;
    }
  | {
      readonly kind: "mapKeyList";
      readonly inverted: boolean;
      readonly keys: readonly PathValue[];
      readonly pos: number;
    }
  | {
      readonly kind: "mapKeyRange";
      readonly inverted: boolean;
      readonly begin: PathValue;
      readonly end?: PathValue;
      readonly pos: number;
    }
  | {
      readonly kind: "mapValueList";
      readonly inverted: boolean;
      readonly values: readonly PathValue[];
      readonly pos: number;
    }
  | {
      readonly kind: "mapValueRange";
      readonly inverted: boolean;
      readonly begin: PathValue;
      readonly end?: PathValue;
      readonly pos: number;
    }
  | {
      readonly kind: "mapRankRelative";
      readonly inverted: boolean;
      readonly rank: number;
      readonly count?: number;
      readonly value: PathValue;
      readonly pos: number;
    }
  | {
      readonly kind: "mapIndexRelative";
      readonly inverted: boolean;
      readonly index: number;
      readonly count?: number;
      readonly key: PathValue;
      readonly pos: number;
    };

/** The function that ends a path: `.get(…)`, `.count()`, `.exists()`, a cast or an HLL read. */
export type PathFunction =
  | {
      readonly kind: "get";
      readonly type?: AelType;
      readonly returnType?: AelReturnType;
      readonly pos: number;
    }
  | { readonly kind: "count"; readonly pos: number }
  | { readonly kind: "exists"; readonly pos: number }
  | { readonly kind: "cast"; readonly to: "INT" | "FLOAT"; readonly pos: number }
  | {
      readonly kind: "hll";
      readonly name: HllFunctionName;
      readonly arg?: Node;
      readonly pos: number;
    };

/** The HLL read functions, usable as `$.bin.hllCount()` or `hllCount($.bin)`. */
export type HllFunctionName =
  | "hllCount"
  | "hllDescribe"
  | "hllUnion"
  | "hllUnionCount"
  | "hllIntersectCount"
  | "hllSimilarity"
  | "hllMayContain";

/** Binary operators of the expression grammar. */
export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "**"
  | "&"
  | "|"
  | "^"
  | "<<"
  | ">>"
  | ">>>";

/** Comparison operators. */
export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** A node of the parsed expression tree; `pos` is the offset where it starts in the text. */
export type Node =
  | { readonly kind: "int"; readonly value: bigint; readonly pos: number }
  | { readonly kind: "float"; readonly value: number; readonly pos: number }
  | { readonly kind: "string"; readonly value: string; readonly pos: number }
  | { readonly kind: "bool"; readonly value: boolean; readonly pos: number }
  | { readonly kind: "list"; readonly items: readonly Node[]; readonly pos: number }
  | {
      readonly kind: "map";
      readonly entries: readonly (readonly [Node, Node])[];
      readonly pos: number;
    }
  | { readonly kind: "placeholder"; readonly index: number; readonly pos: number }
  | { readonly kind: "var"; readonly name: string; readonly pos: number }
  | {
      readonly kind: "path";
      readonly bin: string;
      readonly parts: readonly PathPart[];
      readonly fn?: PathFunction;
      readonly pos: number;
    }
  | {
      readonly kind: "meta";
      readonly name: string;
      readonly arg?: bigint;
      readonly keyType?: AelType;
      readonly pos: number;
    }
  | {
      readonly kind: "binary";
      readonly op: BinaryOperator;
      readonly left: Node;
      readonly right: Node;
      readonly pos: number;
    }
  | { readonly kind: "negate"; readonly operand: Node; readonly pos: number }
  | { readonly kind: "intNot"; readonly operand: Node; readonly pos: number }
  | {
      readonly kind: "compare";
      readonly op: ComparisonOperator;
      readonly left: Node;
      readonly right: Node;
      readonly pos: number;
    }
  | { readonly kind: "in"; readonly left: Node; readonly right: Node; readonly pos: number }
  | {
      readonly kind: "and" | "or" | "exclusive";
      readonly operands: readonly Node[];
      readonly pos: number;
    }
  | { readonly kind: "not"; readonly operand: Node; readonly pos: number }
  | {
      readonly kind: "let";
      readonly defs: readonly {
        readonly name: string;
        readonly value: Node;
        readonly pos: number;
      }[];
      readonly body: Node;
      readonly pos: number;
    }
  | {
      readonly kind: "when";
      readonly cases: readonly { readonly cond: Node; readonly action: Node }[];
      readonly otherwise: Node;
      readonly pos: number;
    }
  | {
      readonly kind: "call";
      readonly name: string;
      readonly args: readonly Node[];
      readonly pos: number;
    }
  | {
      readonly kind: "cast";
      readonly to: "INT" | "FLOAT";
      readonly operand: Node;
      readonly pos: number;
    }
  | { readonly kind: "unknown"; readonly pos: number };

/** The direct sub-expressions of a node. */
export function childrenOf(node: Node): readonly Node[] {
  switch (node.kind) {
    case "binary":
    case "compare":
    case "in":
      return [node.left, node.right];
    case "negate":
    case "intNot":
    case "not":
    case "cast":
      return [node.operand];
    case "and":
    case "or":
    case "exclusive":
      return node.operands;
    case "let":
      return [...node.defs.map((d) => d.value), node.body];
    case "when":
      return [...node.cases.flatMap((c) => [c.cond, c.action]), node.otherwise];
    case "call":
      return node.args;
    case "list":
      return node.items;
    case "map":
      return node.entries.flat();
    default:
      return [];
  }
}
