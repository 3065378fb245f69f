// What a server process does after its last request and before it exits: write what it
// buffers, stop its timers, close its database connections (a PostgreSQL pool otherwise
// leaves the database with connections cut mid-protocol). server.mjs runs the tasks once
// the HTTP server has closed; modules of the app register theirs when they load.

/**
 * A list of shutdown tasks. They run last-registered first, like deferred cleanups: a
 * module registers after the modules it uses (the view counters after the database
 * client), so it is done with them before they close. A task that fails is reported to
 * `onError` and the others still run; a second `run` shares the first.
 */
export function createShutdownTasks() {
  const tasks = [];
  let running = null;
  return {
    add(name, task) {
      tasks.push({ name, task });
    },
    run({ onError = () => {} } = {}) {
      running ??= (async () => {
        for (const { name, task } of [...tasks].reverse()) {
          try {
            await task();
          } catch (error) {
            onError(name, error);
          }
        }
      })();
      return running;
    },
  };
}

// One list per process, on globalThis: server.mjs loads this file itself while Next
// bundles its own copy into the app (sometimes two), and all must share it.
const shared = (globalThis[Symbol.for("commonplace.shutdown")] ??= createShutdownTasks());

/** Registers a task for this process's shutdown. */
export const onShutdown = (name, task) => shared.add(name, task);

/**
 * Runs this process's shutdown tasks (server.mjs, once the HTTP server has closed).
 * Calling it, or `manageShutdown` first, tells the app's modules that the process's stop
 * signals are handled: they leave them alone (scripts without a server handle their own).
 */
export const runShutdown = (options) => {
  shared.managed = true;
  return shared.run(options);
};

/** server.mjs handles SIGTERM/SIGINT and will run the tasks. */
export const manageShutdown = () => {
  shared.managed = true;
};

/** Whether a server runs the shutdown tasks on a stop signal (see manageShutdown). */
export const shutdownIsManaged = () => shared.managed === true;
