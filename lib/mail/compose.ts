/**
 * A mail's two parts from the same words: plain text, and HTML made from that text by
 * escaping it (never from HTML anyone wrote), so what a user typed (a name, a comment
 * later) reaches an inbox as text either way. Links are built by the caller from
 * SITE_URL and shown in full in the text part.
 */
export type MailContent = {
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /**
   * Quoted pieces of someone's text, each under a heading and with its own link (the
   * replies a notification lists): the text as text in both parts.
   */
  quotes?: { heading: string; text: string; link: { label: string; url: string } }[];
  /** The one thing to click: a button in HTML, the address on its own line in text. */
  action?: { label: string; url: string };
  /** Said after the action (why the reader got the mail, what to do if it was not them). */
  footer?: string[];
};

export type ComposedMail = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

// A subject is one header line: line breaks would be folded by the transport anyway;
// removed here so the stored subject is what the reader sees.
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

const paragraphHtml = (text: string) =>
  `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\r?\n/g, "<br>")}</p>`;

const quoteHtml = (quote: NonNullable<MailContent["quotes"]>[number]) =>
  [
    `<p style="margin:16px 0 4px;font-weight:bold">${escapeHtml(quote.heading)}</p>`,
    `<blockquote style="margin:0 0 8px;padding:0 0 0 12px;border-left:3px solid #d1d5db">${paragraphHtml(quote.text)}</blockquote>`,
    `<p style="margin:0 0 16px"><a href="${escapeHtml(quote.link.url)}">${escapeHtml(quote.link.label)}</a></p>`,
  ].join("");

/** The blog's name heads both parts and ends the subject. */
export function composeMail(blogName: string, content: MailContent): ComposedMail {
  const subject = oneLine(`${content.subject} · ${blogName}`);
  const footer = content.footer ?? [];
  const text = [
    blogName,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.quotes ?? []).flatMap((quote) => [
      quote.heading,
      ...quote.text.split(/\r?\n/).map((line) => `> ${line}`),
      `${quote.link.label}: ${quote.link.url}`,
      "",
    ]),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ""] : []),
    ...footer.flatMap((paragraph) => [paragraph, ""]),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1f2937;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#4b5563">${escapeHtml("If the button does not work, copy this address into your browser:")}<br>${escapeHtml(content.action.url)}</p>`
    : "";
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Georgia,serif;color:#111827;line-height:1.5;max-width:560px;margin:0 auto;padding:16px">',
    `<p style="margin:0 0 24px;font-size:20px;font-weight:bold">${escapeHtml(blogName)}</p>`,
    ...content.paragraphs.map(paragraphHtml),
    ...(content.quotes ?? []).map(quoteHtml),
    button,
    ...footer.map((paragraph) =>
      paragraphHtml(paragraph).replace("margin:0 0 16px", "margin:0 0 16px;font-size:13px;color:#4b5563"),
    ),
    "</body></html>",
  ]
    .filter(Boolean)
    .join("\n");
  return { subject, text, html };
}
