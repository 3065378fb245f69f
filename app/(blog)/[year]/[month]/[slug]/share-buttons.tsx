"use client";

import { useEffect, useState } from "react";

type ShareButtonsProps = {
  postId: number;
  url: string;
  title: string;
  count: number;
  onCounted: (shareCount: number) => void;
};

/**
 * Plain share links (no third-party scripts, nothing loaded from the networks until the
 * reader clicks), the Web Share API where the browser has it, and copy-link. Each
 * click asks the server to count a share; it counts one per reader per post per day.
 */
export function ShareButtons({ postId, url, title, count, onCounted }: ShareButtonsProps) {
  const [status, setStatus] = useState("");
  const [canShareNatively, setCanShareNatively] = useState(false);

  useEffect(() => {
    // Only known after hydration: the server cannot tell what the browser supports.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time feature detection
    setCanShareNatively(typeof navigator.share === "function");
  }, []);

  const countShare = () => {
    fetch(`/api/posts/${postId}/shares`, { method: "POST", keepalive: true })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { shareCount?: number } | null) => {
        if (typeof data?.shareCount === "number") onCounted(data.shareCount);
      })
      .catch(() => {
        // The share itself happened; a lost count is not worth an error message.
      });
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
      countShare();
    } catch {
      setStatus("Could not copy; the link is in the address bar.");
    }
  };

  const shareNatively = async () => {
    try {
      await navigator.share({ title, url });
      countShare();
    } catch {
      // The reader closed the share sheet.
    }
  };

  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { name: "Email", href: `mailto:?subject=${t}&body=${u}` },
    { name: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
  const buttonClass = "border-line rounded border px-2 py-1 text-xs font-semibold hover:bg-black/5";

  return (
    <div className="no-print">
      <p>
        {count} {count === 1 ? "SHARE" : "SHARES"}
      </p>
      <ul aria-label="Share this post" className="mt-2 flex flex-wrap gap-2 font-normal">
        {canShareNatively && (
          <li>
            <button type="button" onClick={shareNatively} className={buttonClass}>
              Share…
            </button>
          </li>
        )}
        <li>
          <button type="button" onClick={copyLink} className={buttonClass}>
            Copy link
          </button>
        </li>
        {links.map((link) => (
          <li key={link.name}>
            <a
              href={link.href}
              onClick={countShare}
              target={link.href.startsWith("mailto:") ? undefined : "_blank"}
              rel="noopener noreferrer nofollow"
              className={`${buttonClass} inline-block`}
            >
              {link.name === "Email" ? "Email" : `Share on ${link.name}`}
              {link.href.startsWith("mailto:") ? null : (
                <span className="sr-only"> (opens in a new tab)</span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="mt-1 text-xs font-normal">
        {status}
      </p>
    </div>
  );
}
