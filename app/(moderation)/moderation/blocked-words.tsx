import { saveBlockedWordsAction } from "./actions";

/** The blocklist: comments with any of these words (or look-alikes) are held for review. */
export function BlockedWords({ words }: { words: readonly string[] }) {
  return (
    <section aria-labelledby="words-heading" className="mt-10">
      <h2 id="words-heading" className="text-xl font-bold">
        Blocked words
      </h2>
      <form action={saveBlockedWordsAction} className="mt-2 space-y-2">
        <label htmlFor="blocked-words" className="block text-sm">
          One word or phrase per line. A comment containing any of them is held for review; case, full-width
          letters and look-alike letters from other scripts are ignored when matching.
        </label>
        <textarea
          id="blocked-words"
          name="blockedWords"
          rows={6}
          defaultValue={words.join("\n")}
          className="block w-full max-w-xl rounded border border-line bg-page px-2 py-1 font-mono text-sm"
        />
        <button type="submit" className="rounded border border-line px-3 py-1 text-sm font-semibold">
          Save blocked words
        </button>
      </form>
    </section>
  );
}
