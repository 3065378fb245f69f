import { describe, expect, it } from "vitest";
import { composeMail, escapeHtml } from "./compose";

describe("composeMail", () => {
  const mail = composeMail("Tom & Jerry's <blog>", {
    subject: "Reset\r\nBcc: evil@example.test",
    paragraphs: ["Hello <script>alert(1)</script>", "Two\nlines"],
    action: { label: "Choose a new password", url: 'https://blog.example/reset-password/a"b<c' },
    footer: ["Not you? Ignore this mail."],
  });

  it("puts the blog's name in the subject and both parts", () => {
    expect(mail.subject).toBe("Reset Bcc: evil@example.test · Tom & Jerry's <blog>");
    expect(mail.text.startsWith("Tom & Jerry's <blog>\n\n")).toBe(true);
    expect(mail.html).toContain("Tom &amp; Jerry&#39;s &lt;blog&gt;");
  });

  it("keeps the text part as typed and the link on its own line", () => {
    expect(mail.text).toContain("Hello <script>alert(1)</script>\n\nTwo\nlines\n");
    expect(mail.text).toContain('Choose a new password:\nhttps://blog.example/reset-password/a"b<c\n');
    expect(mail.text.endsWith("Not you? Ignore this mail.\n")).toBe(true);
  });

  it("escapes everything in the HTML part: no markup from the words", () => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Hello &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("Two<br>lines");
    expect(mail.html).toContain('href="https://blog.example/reset-password/a&quot;b&lt;c"');
  });

  it("escapes the five characters HTML cares about", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("quotes someone's text as text in both parts, with its link", () => {
    const quoted = composeMail("Blog", {
      subject: "New replies",
      paragraphs: ["Hello"],
      quotes: [
        {
          heading: "Ann replied:",
          text: "<img src=x onerror=alert(1)>\nsecond line",
          link: { label: "See the reply", url: "https://blog.example/comments/7" },
        },
      ],
    });
    expect(quoted.text).toContain(
      "Ann replied:\n> <img src=x onerror=alert(1)>\n> second line\nSee the reply: https://blog.example/comments/7\n",
    );
    expect(quoted.html).not.toContain("<img");
    expect(quoted.html).toContain("&lt;img src=x onerror=alert(1)&gt;<br>second line");
    expect(quoted.html).toContain('<a href="https://blog.example/comments/7">See the reply</a>');
  });
});
