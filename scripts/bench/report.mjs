// The printed table (Markdown): every figure, its target and how it compares.

const num = (n, digits = 0) =>
  n === null || n === undefined
    ? "—"
    : Number(n).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n) => (n === null || n === undefined ? "—" : `${num(n, n < 10 ? 1 : 0)} ms`);
const kB = (bytes) => (bytes === null || bytes === undefined ? "—" : `${num(bytes / 1000, 1)} kB`);
const pct = (a, b) => (a && b ? `${num((100 * a) / b)} %` : "—");
const verdict = (ok) => (ok === null ? "" : ok ? "yes" : "**no**");

function loadRow(row, ceiling) {
  if (!row) return null;
  if (row.skipped) return `| ${row.label} | ${row.skipped} | | | | |`;
  const problems = [
    row.non2xx && `${row.non2xx} non-2xx`,
    row.errors && `${row.errors} errors`,
    row.timeouts && `${row.timeouts} timeouts`,
  ]
    .filter(Boolean)
    .join(", ");
  return `| ${row.label} | ${num(row.rps)} | ${ms(row.p50)} | ${ms(row.p99)} | ${ceiling ? pct(row.rps, ceiling.rps) : ""} | ${problems || num(row.requests)} |`;
}

export function printReport(r) {
  const { load, nginx, pages, replies, js } = r;
  const out = [];
  out.push(`## HTTP benchmark — ${r.date}, ${r.database === "postgresql" ? "PostgreSQL" : "SQLite"}`, "");
  out.push(
    `Machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), ${r.machine.memGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}.`,
  );
  out.push(
    `autocannon: ${r.settings.connections} connections, ${r.settings.durationSeconds} s per URL, 127.0.0.1.`,
    "",
  );
  out.push(
    "| URL (server.mjs: Next + its page cache) | req/s | p50 | p99 | of static file | requests (or problems) |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
  );
  for (const key of ["home", "seed", "seedNextAlone", "1k", "100k", "loadMore", "atom", "views", "static"]) {
    const row = loadRow(load[key], key === "static" || key === "views" ? null : load.static);
    if (row) out.push(row);
  }
  if (nginx.skipped) out.push(`| nginx | ${nginx.skipped} | | | | |`);
  else {
    out.push(loadRow(nginx.cached, nginx.static), loadRow(nginx.static, null));
  }
  out.push("");

  const seed = load.seed ?? {};
  const big = pages.big;
  const bigView = big.timeout ? null : (big.medianMs ?? big.firstMs);
  const checks = [
    ["seed post req/s", num(seed.rps), "≥ 1,000", verdict(seed.rps ? seed.rps >= 1000 : null)],
    ["seed post p99", ms(seed.p99), "≤ 50 ms", verdict(seed.p99 !== undefined ? seed.p99 <= 50 : null)],
    [
      "1,000-comment post req/s vs seed",
      pct(load["1k"]?.rps, seed.rps),
      "≥ 50 %",
      verdict(load["1k"]?.rps && seed.rps ? load["1k"].rps >= seed.rps / 2 : null),
    ],
    [
      "seed post without the page cache (Next alone)",
      `${num(load.seedNextAlone?.rps)} req/s, p99 ${ms(load.seedNextAlone?.p99)}`,
      "",
      "",
    ],
    ["seed post single view (median, Next alone)", ms(pages.seed.medianMs), "", ""],
    [
      "100k post first view (first GET, cold)",
      big.timeout
        ? "timeout (> 120 s)"
        : `${ms(big.firstMs)}${big.medianMs ? `, median ${ms(big.medianMs)}` : ""}`,
      "≤ 2× seed view",
      bigView
        ? `${num(bigView / pages.seed.medianMs, 1)}× ${verdict(bigView <= 2 * pages.seed.medianMs)}`
        : verdict(false),
    ],
    ["seed post HTML", kB(pages.seed.bytes), "", ""],
    [
      "100k post HTML",
      big.bytes ? kB(big.bytes) : "—",
      "≤ 2× seed + one page of comments",
      big.bytes ? `${num(big.bytes / pages.seed.bytes, 1)}× seed` : "—",
    ],
    ["load-more page", pages.loadMore ?? "n/a", "", ""],
    [
      "reply round trip, seed post (median)",
      `${ms(replies.seed.medianMs)} (${replies.seed.acknowledged}/${replies.seed.samples} acked)`,
      "≤ 30 ms",
      verdict(replies.seed.medianMs ? replies.seed.medianMs <= 30 : false),
    ],
    [
      "reply round trip, 100k post (median)",
      `${ms(replies.big.medianMs)} (${replies.big.acknowledged}/${replies.big.samples} acked)`,
      "≤ 1.5× seed",
      replies.big.medianMs && replies.seed.medianMs
        ? `${num(replies.big.medianMs / replies.seed.medianMs, 2)}× ${verdict(replies.big.medianMs <= 1.5 * replies.seed.medianMs)}`
        : verdict(false),
    ],
    [
      "500 replies, 50 users, concurrency 50: p95",
      `${ms(replies.burst.p95Ms)} (${replies.burst.acknowledged}/${replies.burst.sent} acked, ${num(replies.burst.wallSeconds, 1)} s)`,
      "≤ 1 s",
      verdict(replies.burst.p95Ms !== null ? replies.burst.p95Ms <= 1000 : false),
    ],
    [
      "acknowledged replies stored exactly once",
      `${replies.stored.storedOnce} once, ${replies.stored.duplicated} twice+, ${replies.stored.missing} missing`,
      "all once, none lost",
      verdict(replies.stored.duplicated === 0 && replies.stored.missing === 0),
    ],
    ["view counter", `${num(load.views?.rps)} req/s, p99 ${ms(load.views?.p99)}`, "", ""],
    [
      "JS for an anonymous reader (gzip)",
      `${kB(js.total)} (${js.files} files ${kB(js.external)} on the wire + inline ${kB(js.inlineGzip)} zlib -6)`,
      "≤ 120 kB",
      verdict(js.total <= 120_000),
    ],
    ["seed post vs static file, same server", pct(seed.rps, load.static?.rps), "", ""],
    nginx.skipped
      ? ["nginx cache vs nginx static", nginx.skipped, "≥ 50 %", ""]
      : [
          "nginx cache vs nginx static",
          `${pct(nginx.cached.rps, nginx.static.rps)} (X-Cache-Status ${nginx.cacheStatus})`,
          "≥ 50 %",
          verdict(nginx.cached.rps >= nginx.static.rps / 2),
        ],
  ];
  out.push("| check | figure | target | met |", "| --- | --- | --- | --- |");
  for (const row of checks) out.push(`| ${row.join(" | ")} |`);
  if (!nginx.skipped) out.push("", `The app's Cache-Control on the seed post: \`${nginx.appCacheControl}\`.`);
  if (replies.big.form && !replies.big.form.startsWith("/"))
    out.push("", `100k reply form: ${replies.big.form}.`);
  const failures = [...replies.seed.failures, ...replies.big.failures, ...replies.burst.failures];
  if (failures.length) out.push("", `Unacknowledged replies answered: ${failures.join(", ")}.`);
  console.log(`\n${out.join("\n")}\n`);
}
