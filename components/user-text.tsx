import { Fragment } from "react";
import { linkify } from "@/lib/text/linkify";
import { toParagraphs } from "@/lib/text/paragraphs";
import { USER_LINK_REL } from "@/lib/text/user-link";

type UserTextProps = { text: string; className?: string };

/**
 * Renders text someone typed: paragraphs and line breaks kept, http(s)/mailto URLs
 * turned into links, everything else as text. dir="auto" isolates right-to-left text
 * so it cannot reorder the page around it.
 */
export function UserText({ text, className }: UserTextProps) {
  return (
    <div dir="auto" className={className}>
      {toParagraphs(text).map((lines, p) => (
        <p key={p}>
          {lines.map((line, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {linkify(line).map((segment, s) =>
                segment.kind === "link" ? (
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
