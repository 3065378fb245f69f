// What `npm run cluster:demo` started, for whoever drives it (the e2e run through nginx):
// one JSON file, readable by its owner only (it holds the admin's password).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const CLUSTER_STATE_FILE = path.resolve("data/cluster/cluster.json");

export function writeClusterState(state) {
  writeFileSync(CLUSTER_STATE_FILE, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function readClusterState() {
  return JSON.parse(readFileSync(CLUSTER_STATE_FILE, "utf8"));
}
