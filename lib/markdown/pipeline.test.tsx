import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markdownToReact } from "./pipeline";

const html = (markdown: string) => renderToStaticMarkup(<>{markdownToReact(markdown)}</>);

/** Payloads from the OWASP XSS filter evasion cheat sheet, adapted to Markdown. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<iframe src=javascript:alert(1)></iframe>",
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "<object data=javascript:alert(1)></object>",
  "<embed src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<div style=\"background:url('javascript:alert(1)')\">x</div>",
  '<p style="color:red">styled</p>',
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<form action=javascript:alert(1)><button>go</button></form>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<base href=javascript:alert(1)//>",
  "<link rel=stylesheet href=javascript:alert(1)>",
  "<!-- <img src=x onerror=alert(1)> -->",
  "<div>\n\n<img src=x onerror=alert(1)>\n\n</div>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
  "[click](<javascript:alert(1)>)",
  "[click](vbscript:msgbox(1))",
  "[click](VBScript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](data:text/html,<script>alert(1)</script>)",
  "![x](javascript:alert(1))",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '![x](x" onerror="alert(1))',
  "[click][ref]\n\n[ref]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  '[a](https://ok.example "title" onclick=alert(1))',
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "<a id=x tabindex=1 onfocus=alert(1)>x</a>",
  '<input autofocus onfocus="alert(1)">',
  "<video><source onerror=alert(1)></video>",
  "<marquee onstart=alert(1)>x</marquee>",
  '<a href="#" onclick="alert(1)">x</a>',
  "<x onclick=alert(1)>x</x>",
  '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x">',
  "| a |\n| - |\n| <img src=x onerror=alert(1)> |",
];

/** What must never appear in the output as markup (code blocks show it as escaped text). */
function expectInert(output: string) {
  expect(output).not.toMatch(/<script/i);
  expect(output).not.toMatch(
    /<(iframe|object|embed|svg|math|style|form|meta|base|link|input|video|source|body|marquee)\b/i,
  );
  // Inside tags only: the same words may remain as harmless, escaped text.
  expect(output).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(output).not.toMatch(/<[^>]*\sstyle\s*=/i);
  expect(output).not.toMatch(/<[^>]*\s(srcdoc|srcset|action|formaction)\s*=/i);
  // Attributes holding a URL must use an allowed scheme or be relative.
  for (const [, url] of output.matchAll(/\s(?:href|src|cite)="([^"]*)"/gi)) {
    const unescaped = url
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&amp;/g, "&");
    const decoded = decodeURIComponent(unescaped)
      .replace(/[\s\u0000-\u001f]/g, "")
      .toLowerCase();
    expect(decoded, url).not.toMatch(/^(javascript|vbscript|data|file):/);
  }
}

describe("Markdown sanitization", () => {
  for (const payload of PAYLOADS) {
    it(`neutralizes ${JSON.stringify(payload).slice(0, 80)}`, () => {
      expectInert(html(payload));
    });
  }

  it("would notice unsafe markup (the checks themselves work)", () => {
    for (const unsafe of [
      '<img src="x" onerror="alert(1)">',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<p style="x">y</p>',
      "<script>1</script>",
    ]) {
      expect(() => expectInert(unsafe), unsafe).toThrow();
    }
  });

  it("keeps code samples as visible, escaped text", () => {
    const output = html("```html\n<script>alert(1)</script>\n```");
    expect(output).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("prefixes author ids so they cannot clobber the page's own elements", () => {
    expect(html("[^1]\n\n[^1]: note")).not.toMatch(/id="(fn-1|fnref-1)"/);
  });
});

describe("Markdown rendering", () => {
  it("renders headings, lists, quotes, links, images and code", () => {
    const output = html(
      [
        "## A heading",
        "### A smaller one",
        "- one\n- two",
        "1. first\n2. second",
        "> quoted",
        "[a link](https://example.com/page?q=1)",
        "[relative](/2024/06/post) and <https://auto.example/x> and mail@example.com",
        "![a picture](/uploads/0123456789abcdef0123456789abcdef.png)",
        "Some `inline code`.",
        "```js\nconst x = 1;\n```",
        "**bold** _em_ ~~gone~~",
      ].join("\n\n"),
    );
    expect(output).toContain("<h2>A heading</h2>");
    expect(output).toContain("<h3>A smaller one</h3>");
    expect(output).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(output).toMatch(/<ol>\s*<li>first<\/li>/);
    expect(output).toMatch(/<blockquote>\s*<p>quoted<\/p>/);
    expect(output).toContain('<a href="https://example.com/page?q=1">a link</a>');
    expect(output).toContain('<a href="/2024/06/post">relative</a>');
    expect(output).toContain('<a href="https://auto.example/x">https://auto.example/x</a>');
    expect(output).toContain('<a href="mailto:mail@example.com">mail@example.com</a>');
    expect(output).toContain('<img src="/uploads/0123456789abcdef0123456789abcdef.png" alt="a picture"/>');
    expect(output).toContain("<code>inline code</code>");
    expect(output).toMatch(/<pre><code class="language-js">const x = 1;\n<\/code><\/pre>/);
    expect(output).toContain("<strong>bold</strong>");
    expect(output).toContain("<del>gone</del>");
  });
});
