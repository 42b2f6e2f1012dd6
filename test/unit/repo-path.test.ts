/**
 * Document URI → repository and repository-relative path (server/src/core/repoPath.ts), against a file system
 * described in memory: which directories hold `.git`, which files exist.
 */
import { strict as assert } from 'node:assert';
import { URI } from 'vscode-uri';
import {
  isWithin,
  parentDir,
  repositoryPathOf,
  repositoryPathOfUri,
  repositoryRootOfFolder,
  workingTreeUriOf,
  type RepoProbe,
} from '../../server/src/core/repoPath';

function fakeFs(gitRoots: string[], files: string[] = []): RepoProbe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isGitRoot: (dir) => {
      asked.push(dir);
      return gitRoots.includes(dir);
    },
    isFile: (f) => files.includes(f),
  };
}

/** The git extension's URI for a working-tree file (`toGitUri`: path in the URI and, as fsPath, in the query). */
const gitUri = (p: string, ref: string) => URI.file(p).with({ scheme: 'git', query: JSON.stringify({ path: p, ref }) }).toString();
const fileUri = (p: string) => URI.file(p).toString();

describe('repoPath: which working-tree file a document URI shows', () => {
  it('file: → itself (query and fragment dropped)', () => {
    assert.equal(workingTreeUriOf('file:///k/pkg/a.go'), 'file:///k/pkg/a.go');
    assert.equal(workingTreeUriOf('file:///k/pkg/a.go#L3'), 'file:///k/pkg/a.go');
  });

  it('git: (Source Control diff, staged = ref "", HEAD, submodules) → the query path', () => {
    assert.equal(workingTreeUriOf(gitUri('/k/pkg/a b.go', 'HEAD')), fileUri('/k/pkg/a b.go'));
    assert.equal(workingTreeUriOf(gitUri('/k/pkg/a.go', '')), 'file:///k/pkg/a.go');
    assert.equal(workingTreeUriOf(gitUri('/k/pkg/a.go', '~')), 'file:///k/pkg/a.go');
    const sub = URI.file('/k/sub/x.go').with({ scheme: 'git', query: JSON.stringify({ path: '/k/sub/x.go', ref: 'HEAD', submoduleOf: '/k' }) });
    assert.equal(workingTreeUriOf(sub.toString()), 'file:///k/sub/x.go');
  });

  it('git: whose query has no absolute path → the URI path; review: (GitHub Pull Requests) → its query path', () => {
    assert.equal(workingTreeUriOf('git:/k/pkg/a.go'), 'file:///k/pkg/a.go');
    assert.equal(workingTreeUriOf(URI.from({ scheme: 'git', path: '/k/pkg/a.go', query: '{"path":"pkg/a.go"}' }).toString()), 'file:///k/pkg/a.go');
    assert.equal(workingTreeUriOf(URI.from({ scheme: 'git', path: '/k/pkg/a.go', query: '{not json' }).toString()), 'file:///k/pkg/a.go');
    const review = URI.from({ scheme: 'review', path: '/k/pkg/a.go.git', query: JSON.stringify({ path: '/k/pkg/a.go', ref: 'abc', commit: 'abc', base: true, isOutdated: false, rootPath: '/k' }) });
    assert.equal(workingTreeUriOf(review.toString()), 'file:///k/pkg/a.go');
  });

  it('documents that are no working-tree file → undefined', () => {
    for (const u of ['untitled:Untitled-1', 'output:extension-output-kube-shepherd', 'vscode-userdata:/home/u/.config/Code/User/settings.json', 'vscode-settings:/user', 'pr:/pkg/a.go?{"fileName":"pkg/a.go"}', 'not a uri']) {
      assert.equal(workingTreeUriOf(u), undefined, u);
    }
  });
});

describe('repoPath: repository root of a workspace folder', () => {
  it('the folder itself when it is a git root or in no repository', () => {
    assert.equal(repositoryRootOfFolder('/w/k', fakeFs(['/w/k'], ['/w/k/OWNERS'])), '/w/k');
    assert.equal(repositoryRootOfFolder('/w/plain', fakeFs([])), '/w/plain');
  });

  it('a subfolder of a repository → the git root when Prow reads something above the folder', () => {
    assert.equal(repositoryRootOfFolder('/w/k/pkg/kubelet', fakeFs(['/w/k'], ['/w/k/OWNERS'])), '/w/k');
    assert.equal(repositoryRootOfFolder('/w/k/pkg/kubelet', fakeFs(['/w/k'], ['/w/k/OWNERS_ALIASES'])), '/w/k');
    assert.equal(repositoryRootOfFolder('/w/k/pkg/kubelet', fakeFs(['/w/k'], ['/w/k/.kube-shepherd.yaml'])), '/w/k');
    // No root OWNERS, but one on the way down to the folder.
    assert.equal(repositoryRootOfFolder('/w/k/pkg/kubelet', fakeFs(['/w/k'], ['/w/k/pkg/OWNERS'])), '/w/k');
  });

  it('a folder inside an unrelated checkout (dotfiles in $HOME, no OWNERS above) stays its own root', () => {
    assert.equal(repositoryRootOfFolder('/home/u/src/proj', fakeFs(['/home/u'], ['/home/u/src/proj/OWNERS'])), '/home/u/src/proj');
  });

  it('the innermost git root decides (a folder inside a nested repository)', () => {
    const fs = fakeFs(['/w/outer', '/w/outer/vendored/inner'], ['/w/outer/OWNERS']);
    assert.equal(repositoryRootOfFolder('/w/outer/vendored/inner/pkg', fs), '/w/outer/vendored/inner/pkg');
    const fs2 = fakeFs(['/w/outer', '/w/outer/vendored/inner'], ['/w/outer/OWNERS', '/w/outer/vendored/inner/OWNERS']);
    assert.equal(repositoryRootOfFolder('/w/outer/vendored/inner/pkg', fs2), '/w/outer/vendored/inner');
  });
});

describe('repoPath: repository and path of a document', () => {
  const probe = fakeFs(['/w/k', '/w/k/third_party/lib', '/w/k/staging/sub'], ['/w/k/OWNERS']);
  const roots = ['/w/k', '/w/plain'];

  it('file: URIs in a workspace repository → path relative to its root', () => {
    assert.deepEqual(repositoryPathOfUri('file:///w/k/pkg/kubelet/kubelet.go', roots, probe), { root: '/w/k', rel: 'pkg/kubelet/kubelet.go' });
    assert.deepEqual(repositoryPathOfUri('file:///w/plain/a.go', roots, probe), { root: '/w/plain', rel: 'a.go' });
  });

  it('git: URIs map like the working-tree file', () => {
    assert.deepEqual(repositoryPathOfUri(gitUri('/w/k/pkg/kubelet/kubelet.go', 'HEAD'), roots, probe), { root: '/w/k', rel: 'pkg/kubelet/kubelet.go' });
    assert.deepEqual(repositoryPathOfUri(gitUri('/w/k/pkg/a.go', ''), roots, probe), { root: '/w/k', rel: 'pkg/a.go' });
  });

  it('nested repositories: the innermost wins (also a submodule, `.git` file)', () => {
    assert.deepEqual(repositoryPathOf('/w/k/third_party/lib/src/x.go', roots, probe), { root: '/w/k/third_party/lib', rel: 'src/x.go' });
    assert.deepEqual(repositoryPathOfUri(gitUri('/w/k/staging/sub/y.go', 'HEAD'), roots, probe), { root: '/w/k/staging/sub', rel: 'y.go' });
    // The nested repository's root directory itself is a path of the outer one.
    assert.deepEqual(repositoryPathOf('/w/k/third_party/lib', roots, probe), { root: '/w/k', rel: 'third_party/lib' });
  });

  it('a subfolder workspace whose repository root is the git root: paths from the git root, also outside the folder', () => {
    const sub = fakeFs(['/w/k'], ['/w/k/OWNERS']);
    const root = repositoryRootOfFolder('/w/k/pkg/kubelet', sub);
    assert.deepEqual(repositoryPathOf('/w/k/pkg/kubelet/kubelet.go', [root], sub), { root: '/w/k', rel: 'pkg/kubelet/kubelet.go' });
    assert.deepEqual(repositoryPathOf('/w/k/pkg/api/types.go', [root], sub), { root: '/w/k', rel: 'pkg/api/types.go' });
  });

  it('multi-root: the deepest workspace root around the path wins', () => {
    const p = fakeFs([]);
    assert.deepEqual(repositoryPathOf('/w/a/b/c.go', ['/w/a/b', '/w/a'], p), { root: '/w/a/b', rel: 'c.go' });
    assert.deepEqual(repositoryPathOf('/w/a/c.go', ['/w/a/b', '/w/a'], p), { root: '/w/a', rel: 'c.go' });
  });

  it('outside every workspace repository, a repository root itself, unknown schemes → undefined', () => {
    assert.equal(repositoryPathOfUri('file:///elsewhere/a.go', roots, probe), undefined);
    // An unrelated repository next to the workspace is not opened.
    assert.equal(repositoryPathOf('/w/other/a.go', roots, fakeFs(['/w/other'])), undefined);
    assert.equal(repositoryPathOfUri('file:///w/k', roots, probe), undefined);
    assert.equal(repositoryPathOfUri('untitled:Untitled-1', roots, probe), undefined);
    assert.equal(repositoryPathOfUri('output:kube-shepherd', roots, probe), undefined);
  });

  it('the walk stops at the workspace root (asks nothing above it)', () => {
    const p = fakeFs([]);
    repositoryPathOf('/w/k/a/b/c.go', ['/w/k'], p);
    assert.deepEqual(p.asked, ['/w/k/a/b', '/w/k/a']);
  });
});

describe('repoPath: path helpers', () => {
  it('parentDir and isWithin, POSIX and drive-letter paths', () => {
    assert.deepEqual(['/a/b', '/a', '/', 'C:/a/b', 'C:/a', 'C:/'].map(parentDir), ['/a', '/', '/', 'C:/a', 'C:/', 'C:/']);
    assert.ok(isWithin('/a/b', '/a') && isWithin('/a', '/a') && isWithin('/a', '/') && !isWithin('/ab', '/a'));
  });
});
