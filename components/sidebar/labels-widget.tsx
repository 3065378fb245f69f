import Link from "next/link";
import type { LabelCount } from "@/lib/data/labels";

/** Blogger's "Labels" gadget: every label in use, with its post count. */
export function LabelsWidget({ labels }: { labels: LabelCount[] }) {
  if (labels.length === 0) return null;
  return (
    <section aria-labelledby="labels-heading">
      <h2 id="labels-heading" className="text-sm font-semibold tracking-wide text-muted uppercase">
        Labels
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {labels.map((label) => (
          <li key={label.slug}>
            <Link href={`/label/${label.slug}`} className="link">
              {label.name}
            </Link>{" "}
            <span className="text-muted">({label.postCount})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
