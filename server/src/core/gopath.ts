/** Go's path/filepath Clean, Dir and Rel for slash-separated paths: Prow's path arithmetic depends on their quirks. */

/** True when Clean would return the path unchanged (the common case: skip the rebuild). */
function isClean(path: string): boolean {
  if (path === '.' || path === '/') return true;
  if (path === '' || path.endsWith('/')) return false;
  let segStart = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47) {
      const len = i - segStart;
      if (len === 0 && i !== 0) return false;
      if (len === 1 && path.charCodeAt(segStart) === 46) return false;
      if (len === 2 && path.charCodeAt(segStart) === 46 && path.charCodeAt(segStart + 1) === 46) return false;
      segStart = i + 1;
    }
  }
  return true;
}

export function goClean(path: string): string {
  if (isClean(path)) return path;
  if (path === '') return '.';
  const rooted = path[0] === '/';
  const n = path.length;
  const out: string[] = [];
  let w = 0;
  let r = 0;
  let dotdot = 0;
  const put = (c: string) => {
    out[w++] = c;
  };
  if (rooted) {
    put('/');
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    if (path[r] === '/') r++;
    else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) r++;
    else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
      r += 2;
      if (w > dotdot) {
        w--;
        while (w > dotdot && out[w] !== '/') w--;
      } else if (!rooted) {
        if (w > 0) put('/');
        put('.');
        put('.');
        dotdot = w;
      }
    } else {
      if ((rooted && w !== 1) || (!rooted && w !== 0)) put('/');
      for (; r < n && path[r] !== '/'; r++) put(path[r]);
    }
  }
  if (w === 0) return '.';
  return out.slice(0, w).join('');
}

export function goDir(path: string): string {
  let i = path.length - 1;
  while (i >= 0 && path[i] !== '/') i--;
  if (i > 0) {
    // Fast path: "a/b/c" → "a/b" when that prefix is already clean.
    const candidate = path.slice(0, i);
    if (isClean(candidate)) return candidate;
  }
  return goClean(path.slice(0, i + 1));
}

/** filepath.Rel; undefined where Go returns an error. */
export function goRel(basepath: string, targpath: string): string | undefined {
  let base = goClean(basepath);
  const targ = goClean(targpath);
  if (targ === base) return '.';
  if (base === '.') base = '';
  const baseSlashed = base.length > 0 && base[0] === '/';
  const targSlashed = targ.length > 0 && targ[0] === '/';
  if (baseSlashed !== targSlashed) return undefined;
  const bl = base.length;
  const tl = targ.length;
  let b0 = 0, bi = 0, t0 = 0, ti = 0;
  for (;;) {
    while (bi < bl && base[bi] !== '/') bi++;
    while (ti < tl && targ[ti] !== '/') ti++;
    if (targ.slice(t0, ti) !== base.slice(b0, bi)) break;
    if (bi < bl) bi++;
    if (ti < tl) ti++;
    b0 = bi;
    t0 = ti;
  }
  if (base.slice(b0, bi) === '..') return undefined;
  if (b0 !== bl) {
    const seps = base.slice(b0, bl).split('/').length - 1;
    let buf = '..' + '/..'.repeat(seps);
    if (t0 !== tl) buf += '/' + targ.slice(t0);
    return buf;
  }
  return targ.slice(t0);
}

/** Prow's canonicalize: "." is the root "", and one trailing slash is dropped. */
export function canonicalize(path: string): string {
  if (path === '.') return '';
  return path.endsWith('/') ? path.slice(0, -1) : path;
}
