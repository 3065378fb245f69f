"use client";

import { useEffect, useRef, useState } from "react";
import { ShareButtons } from "./share-buttons";

type PostCountersProps = {
  postId: number;
  url: string;
  title: string;
  initialViews: number;
  initialShares: number;
};

/**
 * "N SHARES" and "Total Views". The page is cached, so the counts in its HTML may be a
 * minute old: counting this view from the browser (after the page is shown, so renders,
 * prefetches and crawlers count nothing) also brings both current counts back.
 */
export function PostCounters({ postId, url, title, initialViews, initialShares }: PostCountersProps) {
  const [views, setViews] = useState(initialViews);
  const [shares, setShares] = useState(initialShares);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    fetch(`/api/posts/${postId}/views`, { method: "POST", keepalive: true })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { viewCount?: number; shareCount?: number } | null) => {
        if (typeof data?.viewCount === "number") setViews(data.viewCount);
        if (typeof data?.shareCount === "number") setShares(data.shareCount);
      })
      .catch(() => {
        // A lost view is not worth bothering the reader about.
      });
  }, [postId]);

  return (
    <>
      <ShareButtons postId={postId} url={url} title={title} count={shares} onCounted={setShares} />
      <p>
        Total Views: <span>{views}</span>
      </p>
    </>
  );
}
