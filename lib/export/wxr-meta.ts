/** Comment meta our WordPress importer reads to keep a removed comment as a tombstone (who removed it). */
export const REMOVED_META = "commonplace_removed";
