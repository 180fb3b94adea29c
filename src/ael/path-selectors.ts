import { AelError } from "./ael-error.js";
import type { PathPart } from "./ast.js";
import { isDigit } from "./lexer.js";
import { PathCursor } from "./path-cursor.js";

/**
 * Parses the selectors of a bin path: `[…]` for lists and `{…}` for maps, with their index,
 * rank, value and key forms, ranges, relative ranges, value/key lists and `!` inversions.
 */
export class SelectorParser extends PathCursor {
  protected parseListPart(): PathPart {
    const pos = this.pos;
    this.pos++;
    if (this.peek() === "]") {
      this.pos++;
      return { kind: "listDesignator", pos };
    }
    const inverted = this.peek() === "!";
    if (inverted) this.pos++;
    let part: PathPart;
    if (this.peek() === "=") {
      this.pos++;
      part = this.parseValueSelector("list", inverted, pos);
    } else if (this.peek() === "#") {
      this.pos++;
      part = this.parseRankSelector("list", inverted, pos);
    } else {
      const start = this.readIndex();
      if (this.peek() === ":") {
        this.pos++;
        if (this.peek() === "]") part = { kind: "listIndexRange", inverted, start, pos };
        else {
          const endPos = this.pos;
          part = {
            kind: "listIndexRange",
            inverted,
            start,
            count: this.countFrom(start, endPos, this.readIndex()),
            pos,
          };
        }
      } else {
        if (inverted)
          throw new AelError("Only ranges and value lists can be inverted with '!'", pos + 1);
        part = { kind: "listIndex", index: start, pos };
      }
    }
    this.expect("]");
    return part;
  }

  protected parseMapPart(): PathPart {
    const pos = this.pos;
    this.pos++;
    if (this.peek() === "}") {
      this.pos++;
      return { kind: "mapDesignator", pos };
    }
    const inverted = this.peek() === "!";
    if (inverted) this.pos++;
    let part: PathPart;
    const ch = this.peek();
    if (ch === "=") {
      this.pos++;
      part = this.parseValueSelector("map", inverted, pos);
    } else if (ch === "#") {
      this.pos++;
      part = this.parseRankSelector("map", inverted, pos);
    } else if (ch === "-" || (isDigit(ch) && /^[0-9]+\s*[:}~]/.test(this.text.slice(this.pos)))) {
      part = this.parseMapIndexSelector(inverted, pos);
    } else {
      const first = this.readValue();
      if (this.peek() === "-") {
        this.pos++;
        if (this.peek() === "}") part = { kind: "mapKeyRange", inverted, begin: first, pos };
        else part = { kind: "mapKeyRange", inverted, begin: first, end: this.readValue(), pos };
      } else {
        part = { kind: "mapKeyList", inverted, keys: this.readValueList(first), pos };
      }
    }
    this.expect("}");
    return part;
  }

  protected parseMapIndexSelector(inverted: boolean, pos: number): PathPart {
    const start = this.readIndex();
    if (this.peek() !== ":") {
      if (inverted)
        throw new AelError("Only ranges and value lists can be inverted with '!'", pos + 1);
      return { kind: "mapIndex", index: start, pos };
    }
    this.pos++;
    if (this.peek() === "}") return { kind: "mapIndexRange", inverted, start, pos };
    if (this.peek() === "~") {
      this.pos++;
      return { kind: "mapIndexRelative", inverted, index: start, key: this.readValue(), pos };
    }
    const endPos = this.pos;
    const count = this.countFrom(start, endPos, this.readIndex());
    if (this.peek() === "~") {
      this.pos++;
      return {
        kind: "mapIndexRelative",
        inverted,
        index: start,
        count,
        key: this.readValue(),
        pos,
      };
    }
    return { kind: "mapIndexRange", inverted, start, count, pos };
  }

  protected parseValueSelector(
    container: "list" | "map",
    inverted: boolean,
    pos: number,
  ): PathPart {
    const first = this.readValue();
    if (this.peek() === ":") {
      this.pos++;
      const closer = container === "list" ? "]" : "}";
      const kind = container === "list" ? "listValueRange" : "mapValueRange";
      if (this.peek() === closer) return { kind, inverted, begin: first, pos };
      return { kind, inverted, begin: first, end: this.readValue(), pos };
    }
    const values = this.readValueList(first);
    if (values.length === 1 && !inverted) {
      return container === "list"
        ? { kind: "listValue", value: first, pos }
        : { kind: "mapValue", value: first, pos };
    }
    return { kind: container === "list" ? "listValueList" : "mapValueList", inverted, values, pos };
  }

  protected parseRankSelector(container: "list" | "map", inverted: boolean, pos: number): PathPart {
    const start = this.readIndex();
    const closer = container === "list" ? "]" : "}";
    if (this.peek() !== ":") {
      if (inverted)
        throw new AelError("Only ranges and value lists can be inverted with '!'", pos + 1);
      return container === "list"
        ? { kind: "listRank", rank: start, pos }
        : { kind: "mapRank", rank: start, pos };
    }
    this.pos++;
    const rangeKind = container === "list" ? "listRankRange" : "mapRankRange";
    const relativeKind = container === "list" ? "listRankRelative" : "mapRankRelative";
    if (this.peek() === closer) return { kind: rangeKind, inverted, start, pos };
    if (this.peek() === "~") {
      this.pos++;
      return { kind: relativeKind, inverted, rank: start, value: this.readValue(), pos };
    }
    const endPos = this.pos;
    const count = this.countFrom(start, endPos, this.readIndex());
    if (this.peek() === "~") {
      this.pos++;
      return { kind: relativeKind, inverted, rank: start, count, value: this.readValue(), pos };
    }
    return { kind: rangeKind, inverted, start, count, pos };
  }
}
