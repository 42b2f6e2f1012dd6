/** The repository's `.kube-shepherd.yaml`, read once per content and shared by the server and the CLI. */
import { parseRepoConfig, REPO_CONFIG_PATH, DEFAULT_REPO_CONFIG, type LoadedRepoConfig } from '../core/config/repoConfig';
import type { RepoSnapshot } from '../core/snapshot';

const cache = new WeakMap<object, { text: string | undefined; loaded: LoadedRepoConfig }>();

export function repoSettings(repo: RepoSnapshot): LoadedRepoConfig {
  const text = repo.files.has(REPO_CONFIG_PATH) ? repo.text(REPO_CONFIG_PATH) : undefined;
  const hit = cache.get(repo);
  if (hit && hit.text === text) return hit.loaded;
  const loaded = text === undefined ? { config: DEFAULT_REPO_CONFIG, diagnostics: [] } : parseRepoConfig(text);
  cache.set(repo, { text, loaded });
  return loaded;
}
