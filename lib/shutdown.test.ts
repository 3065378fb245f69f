import { describe, expect, it } from "vitest";
import { createShutdownTasks } from "./shutdown.mjs";

describe("shutdown tasks", () => {
  it("run last-registered first, each awaited before the next", async () => {
    const tasks = createShutdownTasks();
    const order: string[] = [];
    tasks.add("database", () => order.push("database"));
    tasks.add("counters", async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push("counters");
    });
    await tasks.run();
    expect(order).toEqual(["counters", "database"]);
  });

  it("go on after a failing task and report it", async () => {
    const tasks = createShutdownTasks();
    const ran: string[] = [];
    const failures: string[] = [];
    tasks.add("last", () => ran.push("last"));
    tasks.add("broken", () => {
      throw new Error("flush failed");
    });
    await tasks.run({ onError: (name, error) => failures.push(`${name}: ${(error as Error).message}`) });
    expect(ran).toEqual(["last"]);
    expect(failures).toEqual(["broken: flush failed"]);
  });

  it("run once however often shutdown is asked for", async () => {
    const tasks = createShutdownTasks();
    let runs = 0;
    tasks.add("once", () => runs++);
    await Promise.all([tasks.run(), tasks.run()]);
    await tasks.run();
    expect(runs).toBe(1);
  });
});
