/**
 * The OWNERS URLs of sigs.yaml subprojects (owners.md §7). kubernetes/community's generator accepts
 *   https://raw.githubusercontent.com/<org>/<repo>/<branch>/<path>
 *   https://github.com/<org>/<repo>/(blob|tree)/<branch>/<path>
 * (generator/app.go:71-72). Real data also has raw `…/<repo>/refs/heads/<branch>/<path>`, which the generator's
 * `[^/]+` branch group would split as branch `refs`; we read it as the branch it names.
 */

export type OwnersUrlForm = 'raw' | 'raw-refs' | 'blob' | 'tree';

export interface OwnersUrl {
  url: string;
  org: string;
  repo: string;
  branch: string;
  /** Repository-relative path of the OWNERS file ("OWNERS" for the root one). */
  path: string;
  /** Directory of that OWNERS file: "" for the root (the OWNERS key Prow uses). */
  dir: string;
  form: OwnersUrlForm;
}

const RAW = /^https?:\/\/raw\.githubusercontent\.com\/([^/]+)\/([^/]+)\/(.+)$/;
const WEB = /^https?:\/\/github\.com\/([^/]+)\/([^/]+)\/(blob|tree)\/(.+)$/;

export function parseOwnersUrl(url: string): OwnersUrl | undefined {
  const u = url.trim().replace(/[?#].*$/, '');
  let org: string, repo: string, rest: string, form: OwnersUrlForm;
  let m = RAW.exec(u);
  if (m) {
    [, org, repo, rest] = m;
    form = 'raw';
    if (rest.startsWith('refs/heads/')) {
      rest = rest.slice('refs/heads/'.length);
      form = 'raw-refs';
    }
  } else if ((m = WEB.exec(u))) {
    [, org, repo, , rest] = m;
    form = m[3] as 'blob' | 'tree';
  } else {
    return undefined;
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const branch = rest.slice(0, slash);
  let path = rest.slice(slash + 1).replace(/\/+$/, '');
  if (path === '') return undefined;
  // A `tree` URL (or any URL not naming a file called OWNERS) names the directory of the OWNERS file.
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base !== 'OWNERS') path = `${path}/OWNERS`;
  const dir = path === 'OWNERS' ? '' : path.slice(0, path.length - '/OWNERS'.length);
  return { url, org, repo: repo.replace(/\.git$/, ''), branch, path, dir, form };
}
