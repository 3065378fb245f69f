import { Fragment } from "react";
import type { TextSegment } from "@/lib/text/linkify";
import { USER_LINK_REL } from "@/lib/text/user-link";

/** Someone's text split for display: paragraphs → lines → segments, as `linkify` splits a line. */
export type SplitText = TextSegment[][][];

// Checked again here: the live thread's segments arrive over the network.
const SAFE_HREF = /^(?:https?:|mailto:)/i;

/**
 * Renders split text: paragraphs and line breaks kept, links as links, everything else as
 * text; dir="auto" isolates right-to-left text so it cannot reorder the page around it.
 * No link finder here, so the browser's live thread can use it without bundling one.
 */
export function SplitTextView({ text, className }: { text: SplitText; className?: string }) {
  return (
    <div dir="auto" className={className}>
      {text.map((lines, p) => (
        <p key={p}>
          {lines.map((segments, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {segments.map((segment, s) =>
                segment.kind === "link" && SAFE_HREF.test(segment.href) ? (
                  <a key={s} href={segment.href} rel={USER_LINK_REL} className="break-all link">
                    {segment.text}
                  </a>
                ) : (
                  <Fragment key={s}>{segment.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
