export type ClusterState = {
  /** nginx, in front of every instance. */
  origin: string;
  databaseUrl: string;
  admin: { email: string; password: string };
  instances: { name: string; port: number; pid: number }[];
  nginxPid: number;
};
export const CLUSTER_STATE_FILE: string;
export function writeClusterState(state: ClusterState): void;
export function readClusterState(): ClusterState;
