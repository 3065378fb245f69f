import { onExpiredElsewhere } from "@/lib/cache/expiry-channel.mjs";
import { EVERYTHING_TAG } from "@/lib/cache/tags";

/**
 * Values a server process reads often and that change rarely (the comment rules), kept
 * in its memory until they change: forgotten by the code that saves them, in this
 * process, and when another process expires `tag` through the shared expiry log
 * (docs/decisions/021). Held on globalThis, like the page cache, so every copy of a
 * module in Next's bundles shares one value.
 */
export type KeptInMemory<T> = { get(): Promise<T>; forget(): void };

const MEMORY = Symbol.for("commonplace.keptInMemory");
type Slot = { value: Promise<unknown> | null };
const slots = (): Map<string, Slot> =>
  ((globalThis as { [MEMORY]?: Map<string, Slot> })[MEMORY] ??= new Map());

export function keptInMemory<T>(tag: string, load: () => Promise<T>): KeptInMemory<T> {
  const slot = (): Slot => {
    let found = slots().get(tag);
    if (!found) {
      found = { value: null };
      slots().set(tag, found);
      onExpiredElsewhere((tags) => {
        if (tags.includes(tag) || tags.includes(EVERYTHING_TAG)) found!.value = null;
      });
    }
    return found;
  };
  return {
    get() {
      const held = slot();
      if (held.value) return held.value as Promise<T>;
      const loading = load();
      held.value = loading;
      // A failed read is not kept: the next caller asks again.
      loading.catch(() => {
        if (held.value === loading) held.value = null;
      });
      return loading;
    },
    // A read in flight may still answer with the old value, but is not kept.
    forget() {
      slot().value = null;
    },
  };
}

/** Tests change rows directly: each starts with nothing kept. */
export function forgetEverythingKept(): void {
  for (const slot of slots().values()) slot.value = null;
}
