// Replies through the real createReply server action, sent the way a browser without
// JavaScript sends the no-JS form: multipart/form-data with every field the page
// rendered (React's $ACTION_* fields included), a fresh idempotency key, no redirect
// following. Acknowledged = 303 to the post with #c<id>.
import { performance } from "node:perf_hooks";
import { newIdempotencyKey } from "./data.mjs";

export const BURST_REPLIES = 500;
export const BURST_CONCURRENCY = 50;

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attributes(tag) {
  const result = {};
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  for (const match of inner.matchAll(ATTRIBUTE))
    result[match[1].toLowerCase()] = decode(match[2] ?? match[3] ?? match[4] ?? "");
  return result;
}

function decode(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Every form in the page that has a comment body field, with its fields and action. */
export function replyForms(html) {
  const forms = [];
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const markup = match[0];
    if (!/<textarea\b[^>]*name="body"/.test(markup)) continue;
    const form = attributes(markup.match(/^<form\b[^>]*>/)[0]);
    const fields = [];
    for (const input of markup.matchAll(/<input\b[^>]*>/g)) {
      const a = attributes(input[0]);
      if (a.name && a.type !== "submit" && a.type !== "checkbox") fields.push([a.name, a.value ?? ""]);
    }
    forms.push({ action: form.action ?? "", method: (form.method ?? "get").toUpperCase(), fields });
  }
  return forms;
}

/** The reply form for `commentId`, from its reply page. Returns { form, pagePath, actionUrl } or throws. */
export async function fetchReplyForm({ origin, commentId, cookie, timeoutMs }) {
  const candidates = [`/comments/${commentId}/reply`];
  const problems = [];
  for (const pagePath of candidates) {
    let response;
    try {
      response = await fetch(origin + pagePath, {
        headers: { cookie },
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      problems.push(`${pagePath}: ${error.name === "TimeoutError" ? "timeout" : error.message}`);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) {
      problems.push(`${pagePath}: HTTP ${response.status}`);
      continue;
    }
    const form = replyForms(html).find((f) =>
      f.fields.some(([name, value]) => name === "parentId" && value === String(commentId)),
    );
    if (!form) {
      problems.push(`${pagePath}: no reply form for comment ${commentId} (signed in?)`);
      continue;
    }
    return { form, origin, pagePath, actionUrl: new URL(form.action || pagePath, origin + pagePath).href };
  }
  throw new Error(`No reply form found: ${problems.join("; ")}`);
}

/**
 * Posts one reply; resolves to { ok, ms, status, commentId, key }. A `key` from an
 * earlier attempt sends the same reply again, as a browser resubmitting the form does.
 */
export async function postReply({
  origin,
  replyForm,
  cookie,
  body,
  key = newIdempotencyKey(),
  timeoutMs = 30_000,
}) {
  const data = new FormData();
  for (const [name, value] of replyForm.form.fields)
    data.append(name, name === "idempotencyKey" ? key : value);
  data.append("body", body);
  const start = performance.now();
  try {
    const response = await fetch(replyForm.actionUrl, {
      method: "POST",
      body: data,
      redirect: "manual",
      headers: { cookie, origin, accept: "text/html" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    const ms = performance.now() - start;
    const location = response.headers.get("location") ?? "";
    const match = response.status === 303 ? location.match(/#c(\d+)$/) : null;
    return { ok: !!match, ms, status: response.status, commentId: match ? Number(match[1]) : null, key };
  } catch (error) {
    return {
      ok: false,
      ms: performance.now() - start,
      status: error.name === "TimeoutError" ? "timeout" : error.message,
      key,
    };
  }
}

export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `samples` replies one after another, the users taking turns: the round trip one reader feels. */
export async function replyRoundTrips(cookies, replyForm, samples, label) {
  const results = [];
  for (let i = 0; i < samples; i++) {
    const cookie = cookies[i % cookies.length];
    results.push(
      await postReply({
        origin: replyForm.origin,
        replyForm,
        cookie,
        body: `Round trip ${label} #${i}: ${Date.now()} ${Math.random()}`,
      }),
    );
  }
  const ok = results.filter((r) => r.ok);
  return {
    samples,
    acknowledged: ok.length,
    medianMs: percentile(
      ok.map((r) => r.ms),
      50,
    ),
    failures: [...new Set(results.filter((r) => !r.ok).map((r) => r.status))],
    keys: results.map((r) => r.key),
    ackKeys: ok.map((r) => r.key),
  };
}

/** BURST_REPLIES replies from BURST_CONCURRENCY users at once, each user replying in turn. */
export async function replyBurst(cookies, replyForm) {
  const perUser = BURST_REPLIES / BURST_CONCURRENCY;
  const started = Date.now();
  const results = (
    await Promise.all(
      Array.from({ length: BURST_CONCURRENCY }, async (_, worker) => {
        const mine = [];
        for (let i = 0; i < perUser; i++) {
          mine.push(
            await postReply({
              origin: replyForm.origin,
              replyForm,
              cookie: cookies[worker],
              body: `Burst reply ${worker}/${i} ${Math.random()}`,
            }),
          );
        }
        return mine;
      }),
    )
  ).flat();
  const ok = results.filter((r) => r.ok);
  return {
    sent: results.length,
    acknowledged: ok.length,
    p95Ms: percentile(
      ok.map((r) => r.ms),
      95,
    ),
    wallSeconds: (Date.now() - started) / 1000,
    failures: [...new Set(results.filter((r) => !r.ok).map((r) => r.status))],
    keys: results.map((r) => r.key),
    ackKeys: ok.map((r) => r.key),
  };
}
