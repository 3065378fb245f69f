import { describe, expect, it } from "vitest";
import { orderParentsFirst } from "./thread-order";

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
const comment = (sourceId: string, parentSourceId: string | null, minute: number) => ({
  sourceId,
  parentSourceId,
  createdAt: at(minute),
});

describe("orderParentsFirst", () => {
  it("puts every parent before its replies, oldest first among siblings, whatever the file order", () => {
    const { ordered, cycles } = orderParentsFirst([
      comment("d", "c", 4),
      comment("b", "a", 2),
      comment("c", "b", 3),
      comment("a", null, 1),
      comment("x", null, 0),
      comment("y", "x", 5),
    ]);
    expect(ordered.map((each) => each.sourceId)).toEqual(["x", "a", "y", "b", "c", "d"]);
    expect(cycles).toEqual([]);
  });

  it("starts a thread at a comment whose parent is not in the list", () => {
    const { ordered } = orderParentsFirst([comment("r", "gone", 1), comment("s", "r", 2)]);
    expect(ordered.map((each) => [each.sourceId, each.parentSourceId])).toEqual([
      ["r", "gone"],
      ["s", "r"],
    ]);
  });

  it("breaks a parent loop at its oldest comment, which becomes top-level", () => {
    const { ordered, cycles } = orderParentsFirst([
      comment("p", "q", 2),
      comment("q", "p", 1),
      comment("self", "self", 3),
    ]);
    expect(cycles.map((each) => each.sourceId)).toEqual(["q", "self"]);
    expect(ordered.map((each) => [each.sourceId, each.parentSourceId])).toEqual([
      ["q", null],
      ["p", "q"],
      ["self", null],
    ]);
  });

  it("orders a 50,000-deep chain without recursion", () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => comment(`c${i}`, i === 0 ? null : `c${i - 1}`, 0));
    const { ordered } = orderParentsFirst(chain.reverse());
    expect(ordered[0].sourceId).toBe("c0");
    expect(ordered.at(-1)!.sourceId).toBe("c49999");
  });
});
