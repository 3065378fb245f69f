/** A line and column in the imported file (1-based line, as editors show them). */
export type FilePosition = { line: number; column: number };

export function formatPosition(file: string, position: FilePosition): string {
  return `${file}:${position.line}:${position.column}`;
}

/** Input the importer refuses as a whole (not XML, not a known format): the file's fault, not ours. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly position: FilePosition,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
