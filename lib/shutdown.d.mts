export type ShutdownTasks = {
  add(name: string, task: () => unknown): void;
  run(options?: { onError?: (task: string, error: unknown) => void }): Promise<void>;
};

export function createShutdownTasks(): ShutdownTasks;
export function onShutdown(name: string, task: () => unknown): void;
export function runShutdown(options?: { onError?: (task: string, error: unknown) => void }): Promise<void>;
export function manageShutdown(): void;
export function shutdownIsManaged(): boolean;
