export const IDLE_TIMEOUT_MS: number;
export function keepIdleConnectionsLongerThanProxies(server: import("node:http").Server): void;
