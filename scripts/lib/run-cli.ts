/** Runs a command-line script's `main` and exits with its code; an unexpected error prints and exits 1. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Like runCli, for operations whose failures are the operator's to read (a refused
 * restore, a missing tool): prints the error's message, not its stack.
 */
export function runOperation(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
