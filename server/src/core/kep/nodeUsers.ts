/** Handle normalization of pkg/nodeapprovers: TrimSpace, strip one leading `@`, then Go's strings.ToLower. */
import { goToLower } from '../gostrings';
import { goTrimSpace } from './semver';

export function normalizeNodeUser(name: string): string {
  const t = goTrimSpace(name);
  return goToLower(t.startsWith('@') ? t.slice(1) : t);
}

/** nodeapprovers markerOf(): the line comment without surrounding space and one leading `#`. */
export function markerOf(lineComment: string): string {
  const t = goTrimSpace(lineComment);
  return goTrimSpace(t.startsWith('#') ? t.slice(1) : t);
}
