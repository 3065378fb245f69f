"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { SESSION_HINT_COOKIE } from "@/lib/auth/session-hint";
import type { ViewerInfo, ViewerResponse } from "@/lib/viewer";

/** undefined: not known yet (server HTML, hydration); null: signed out. */
export type ViewerState = ViewerInfo | null | undefined;

const ViewerContext = createContext<ViewerState>(undefined);

function hasSessionHint(): boolean {
  return document.cookie.split("; ").some((pair) => pair.startsWith(`${SESSION_HINT_COOKIE}=`));
}

// One request per page and question, however many components ask.
const requests = new Map<string, Promise<ViewerInfo | null>>();

/** The viewer, with `postId` their deletable comments on that post. Null when signed out. */
export function fetchViewer(postId: number | null = null): Promise<ViewerInfo | null> {
  if (!hasSessionHint()) return Promise.resolve(null);
  const url = postId === null ? "/api/viewer" : `/api/viewer?post=${postId}`;
  let request = requests.get(url);
  if (!request) {
    request = fetch(url, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<ViewerResponse>) : { viewer: null }))
      .then((data) => data.viewer)
      .catch(() => null);
    requests.set(url, request);
  }
  return request;
}

// Mounted providers, told when what they learnt no longer holds.
const resets = new Set<() => void>();

/** Forget what was learnt: the viewer is signing out in this tab. */
export function forgetViewer() {
  requests.clear();
  for (const reset of resets) reset();
}

/**
 * Learns who reads this cached page after load — and only if the hint cookie says a
 * session exists, so anonymous readers make no request and load no signed-in controls.
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [viewer, setViewer] = useState<ViewerState>(undefined);
  useEffect(() => {
    let live = true;
    fetchViewer().then((info) => live && setViewer(info));
    const reset = () => setViewer(null);
    resets.add(reset);
    return () => {
      live = false;
      resets.delete(reset);
    };
  }, []);
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
