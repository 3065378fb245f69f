// A process that records one view, says so, then idles until it is signalled (or, with
// "end", simply ends): the counter-buffer tests prove that buffered views survive both.
import { recordPostView } from "@/lib/data/post-counters";
import { dayKey } from "@/lib/text/dates";

const [postId, hash, mode] = process.argv.slice(2);
const result = await recordPostView(Number(postId), { day: dayKey(new Date()), hash });
console.log(JSON.stringify(result));
if (mode !== "end") setInterval(() => {}, 60_000);
