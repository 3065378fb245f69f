/**
 * Cached reader pages are the same for everyone, so the browser asks who is signed in
 * (GET /api/viewer) after load — but only when this readable, non-secret hint cookie
 * says a session cookie exists. Anonymous readers, nearly all traffic, never make that
 * request nor download the signed-in controls. The hint grants nothing: the viewer
 * endpoint and every server action still decide from the real session.
 */
export const SESSION_HINT_COOKIE = "cp_signed_in";

/** Auth.js's session cookie names (the __Secure- one over HTTPS). */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
