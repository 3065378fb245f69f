// The request a log line is written for. server.mjs runs each request inside an
// AsyncLocalStorage holding its id, and the logger adds that id to every line written
// while the request is handled, however deep in Next or the app. Plain JavaScript:
// server.mjs uses it before Next loads.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

// Next bundles the app's copy of this module apart from server.mjs's: one store for
// both, found under a registry symbol, or the app would read an empty store of its own.
const KEY = Symbol.for("commonplace.request-context");
/** @type {AsyncLocalStorage<{ requestId: string }>} */
const storage = (globalThis[KEY] ??= new AsyncLocalStorage());

/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = "x-request-id";

// What a proxy's id may look like: enough for UUIDs, nginx's $request_id, AWS trace ids;
// nothing a log reader could be fooled by (no spaces, quotes or line breaks).
const ACCEPTED_ID = /^[\w.:@=+/-]{1,128}$/;

/** A new request id: 16 random bytes as base64url (22 characters). */
export function newRequestId() {
  return randomBytes(16).toString("base64url");
}

/**
 * The id to give a request: the one a trusted proxy sent (so a proxy's log and ours
 * name a request alike), else a new one. A client that is not a proxy we trust cannot
 * choose its id: it could otherwise make its requests look like someone else's.
 * @param {string | string[] | undefined} header
 * @param {boolean} fromTrustedProxy
 */
export function requestIdFor(header, fromTrustedProxy) {
  const sent = Array.isArray(header) ? header[0] : header;
  return fromTrustedProxy && sent && ACCEPTED_ID.test(sent) ? sent : newRequestId();
}

/**
 * Runs `handle` as the request `requestId`.
 * @template T
 * @param {string} requestId
 * @param {() => T} handle
 * @returns {T}
 */
export function runWithRequestId(requestId, handle) {
  return storage.run({ requestId }, handle);
}

/** The id of the request being handled, or undefined outside one. */
export function currentRequestId() {
  return storage.getStore()?.requestId;
}
