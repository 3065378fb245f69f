import { describe, expect, it } from "vitest";
import { isBotUserAgent } from "./visitor";

const readers = {
  "Cubot phone":
    "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
  "Cubot phone with build":
    "Mozilla/5.0 (Linux; Android 11; CUBOT NOTE 20 Build/RP1A.200720.011) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
  iPhone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
  "desktop Firefox": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  "headless Chromium":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
};

const crawlers = {
  Googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Facebook preview": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Slack preview": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  WhatsApp: "WhatsApp/2.23.20.0",
  Lighthouse:
    "Mozilla/5.0 (Linux; Android 11) AppleWebKit/537.36 Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
  curl: "curl/8.5.0",
  "python-requests": "python-requests/2.31.0",
  "Go client": "Go-http-client/1.1",
  empty: "",
  blank: "   ",
};

describe("isBotUserAgent", () => {
  it.each(Object.entries(readers))("counts a reader on %s", (_name, userAgent) => {
    expect(isBotUserAgent(userAgent)).toBe(false);
  });

  it.each(Object.entries(crawlers))("does not count %s", (_name, userAgent) => {
    expect(isBotUserAgent(userAgent)).toBe(true);
  });
});
