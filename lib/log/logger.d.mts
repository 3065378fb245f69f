export const LOG_LEVELS: readonly ["debug", "info", "warn", "error"];
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;
export type LogFormat = "json" | "plain";

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export function parseLogLevel(text: string | undefined): LogLevel;
export function scrub(text: string): string;
export function formatEntry(entry: Record<string, unknown>, format: LogFormat): string;
export function createLogger(options?: {
  level?: string;
  format?: LogFormat;
  write?: (line: string) => void;
  fields?: LogFields;
}): Logger;
