/**
 * The groups list kepval derives from kubernetes/community sigs.yaml (`- dir:` lines), at community 24e7d8f. Used only
 * when no sigs.yaml text is supplied; it feeds warnings (CI never checks groups).
 */
export const DEFAULT_GROUPS: string[] = [
  'committee-code-of-conduct', 'committee-security-response', 'committee-steering',
  'sig-api-machinery', 'sig-apps', 'sig-architecture', 'sig-auth', 'sig-autoscaling', 'sig-cli', 'sig-cloud-provider',
  'sig-cluster-lifecycle', 'sig-contributor-experience', 'sig-docs', 'sig-etcd', 'sig-instrumentation', 'sig-k8s-infra',
  'sig-multicluster', 'sig-network', 'sig-node', 'sig-release', 'sig-scalability', 'sig-scheduling', 'sig-security',
  'sig-storage', 'sig-testing', 'sig-ui', 'sig-windows',
  'wg-ai-gateway', 'wg-batch', 'wg-checkpoint-restore', 'wg-data-protection', 'wg-device-management', 'wg-etcd-operator',
  'wg-node-lifecycle', 'wg-workload-aware-scheduling',
];
