/**
 * Orders a post's comments so that every parent comes before its replies (a reply's
 * thread position is taken from its stored parent), oldest first among siblings, so ids
 * follow the threads' order. Exports list comments in any order; a comment whose parent
 * is not among them starts a thread of its own. Comments caught in a parent loop (a file
 * that names A as B's parent and B as A's) are returned apart, to be placed at the top.
 * Iterative: a 10,000-deep chain of replies cannot overflow the stack.
 */
export function orderParentsFirst<
  T extends { sourceId: string; parentSourceId: string | null; createdAt: Date | null },
>(comments: readonly T[]): { ordered: T[]; cycles: T[] } {
  const byTime = [...comments].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  const ids = new Set(byTime.map((comment) => comment.sourceId));
  const replies = new Map<string, T[]>();
  const roots: T[] = [];
  for (const comment of byTime) {
    const parent = comment.parentSourceId;
    if (parent && ids.has(parent)) {
      const list = replies.get(parent);
      if (list) list.push(comment);
      else replies.set(parent, [comment]);
    } else roots.push(comment);
  }
  const ordered: T[] = [];
  const seen = new Set<string>();
  const visit = (start: T[]) => {
    // Breadth-first: every parent is written before any of its replies.
    for (let i = 0, queue = [...start]; i < queue.length; i++) {
      const comment = queue[i];
      if (seen.has(comment.sourceId)) continue;
      seen.add(comment.sourceId);
      ordered.push(comment);
      for (const reply of replies.get(comment.sourceId) ?? []) queue.push(reply);
    }
  };
  visit(roots);
  const cycles: T[] = [];
  for (const comment of byTime) {
    if (seen.has(comment.sourceId)) continue;
    // The first unreached comment of a loop becomes a top-level comment; its replies follow.
    cycles.push(comment);
    visit([{ ...comment, parentSourceId: null }]);
  }
  return { ordered, cycles };
}
