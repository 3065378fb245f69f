import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";

// server.mjs on SIGTERM: stop taking requests, finish those in flight, then run the
// app's shutdown tasks (lib/shutdown.mjs) — buffered view counts written, database
// connections closed — and exit 0 promptly. A third server process on the suite's build
// and database is started here and stopped, so the suite's own two keep serving.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const THIRD_PORT = PORT + 2;

async function waitUntilUp(origin: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${origin}/api/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${origin} did not start within 60 s`);
}

test("SIGTERM writes the views still buffered, closes the database and exits 0", async ({
  createPost,
  db,
}) => {
  const post = await createPost();
  // e2e-server.mjs --second-instance serves on E2E_PORT + 1: shifted by one, the third port.
  const server = spawn(process.execPath, ["scripts/e2e-server.mjs", "--second-instance"], {
    env: { ...process.env, E2E_PORT: String(THIRD_PORT - 1) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  try {
    const origin = `http://127.0.0.1:${THIRD_PORT}`;
    await waitUntilUp(origin);
    const views = await Promise.all(
      [1, 2, 3].map((reader) =>
        fetch(`${origin}/api/posts/${post.id}/views`, {
          method: "POST",
          headers: { "user-agent": `Mozilla/5.0 (X11; Linux x86_64) ShutdownReader/${reader}` },
        }).then((response) => response.json()),
      ),
    );
    expect(views.map((view) => view.counted)).toEqual([true, true, true]);

    const stopping = Date.now();
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(output).toContain("Stopped");
    expect(output).not.toContain("Shutdown task failed");
    const stored = await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { viewCount: true } });
    expect(stored.viewCount).toBe(3);
  } finally {
    server.kill("SIGKILL");
  }
});
