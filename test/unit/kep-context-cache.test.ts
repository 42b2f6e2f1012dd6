/**
 * KepRun keeps facts between runs over one snapshot (layout, parsed files, kep-numbers, the text pre-filter). A
 * repository is one long-lived, mutable snapshot, so every answer must follow edits of texts and of the file list.
 */
import * as assert from 'node:assert/strict';
import { KepRun } from '../../server/src/core/kep/context';
import type { RepoSnapshot } from '../../server/src/core/snapshot';

/** A mutable snapshot, like the workspace's Repository (same object, same Set, edited in place). */
class EditableSnapshot implements RepoSnapshot {
  readonly files = new Set<string>();
  private readonly texts = new Map<string, string>();
  set(path: string, text: string): void {
    this.files.add(path);
    this.texts.set(path, text);
  }
  remove(path: string): void {
    this.files.delete(path);
    this.texts.delete(path);
  }
  text(path: string): string | undefined {
    return this.texts.get(path);
  }
}

const kep = (n: string, extra = '') => `title: T\nkep-number: ${n}\nowning-sig: sig-x\nstatus: provisional\n${extra}`;
const paths = (ks: { path: string }[]) => ks.map((k) => k.path);

describe('KepRun caches between runs follow edits', () => {
  let snap: EditableSnapshot;
  beforeEach(() => {
    snap = new EditableSnapshot();
    snap.set('keps/NNNN-kep-template/README.md', '# KEP\n');
    snap.set('keps/sig-x/1-a/kep.yaml', kep('1'));
    snap.set('keps/sig-x/2-b/kep.yaml', kep('2'));
    snap.set('keps/sig-x/3-c/kep.yaml', kep('3'));
  });

  it('kepsWithNumber: a text edited to take, drop or escape a number', () => {
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('1')), ['keps/sig-x/1-a/kep.yaml']);
    snap.set('keps/sig-x/2-b/kep.yaml', kep('1'));
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('1')), ['keps/sig-x/1-a/kep.yaml', 'keps/sig-x/2-b/kep.yaml']);
    snap.set('keps/sig-x/1-a/kep.yaml', kep('4'));
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('1')), ['keps/sig-x/2-b/kep.yaml']);
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('4')), ['keps/sig-x/1-a/kep.yaml']);
    // "\x35" decodes to 5: the text never contains "5", the escape lets it through the pre-filter.
    snap.set('keps/sig-x/3-c/kep.yaml', kep('"\\x35"'));
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('5')), ['keps/sig-x/3-c/kep.yaml']);
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('3')), []);
  });

  it('kepsMentioning: negative answers are forgotten when the text changes', () => {
    assert.deepEqual(paths(new KepRun(snap, {}).kepsMentioning('77')), []);
    snap.set('keps/sig-x/2-b/kep.yaml', kep('2', 'see-also:\n  - "/keps/sig-x/77-z"\n'));
    assert.deepEqual(paths(new KepRun(snap, {}).kepsMentioning('77')), ['keps/sig-x/2-b/kep.yaml']);
  });

  it('the layout follows files added, removed, and removed then added again', () => {
    assert.equal(new KepRun(snap, {}).layout.allKepYamls.length, 3);
    snap.set('keps/sig-x/9-new/kep.yaml', kep('9'));
    const run = new KepRun(snap, {});
    assert.ok(run.layout.allKepYamls.includes('keps/sig-x/9-new/kep.yaml'));
    assert.ok(run.validated.has('keps/sig-x/9-new/kep.yaml'));
    assert.deepEqual(paths(run.kepsWithNumber('9')), ['keps/sig-x/9-new/kep.yaml']);
    snap.remove('keps/sig-x/1-a/kep.yaml');
    snap.set('keps/sig-x/1-a/README.md', '# A\n');
    const after = new KepRun(snap, {});
    assert.ok(!after.layout.allKepYamls.includes('keps/sig-x/1-a/kep.yaml'));
    assert.ok(after.layout.readmesWithoutKep.includes('keps/sig-x/1-a/README.md'));
    assert.deepEqual(paths(after.kepsWithNumber('1')), []);
    snap.set('keps/sig-x/1-a/kep.yaml', kep('1'));
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('1')), ['keps/sig-x/1-a/kep.yaml']);
    assert.ok(!new KepRun(snap, {}).layout.readmesWithoutKep.includes('keps/sig-x/1-a/README.md'));
  });

  it('a run keeps answering from the layout it started with after a later run saw new files', () => {
    const early = new KepRun(snap, {});
    assert.deepEqual(paths(early.kepsWithNumber('2')), ['keps/sig-x/2-b/kep.yaml']);
    snap.set('keps/sig-x/0-first/kep.yaml', kep('3'));
    assert.deepEqual(paths(new KepRun(snap, {}).kepsWithNumber('3')), ['keps/sig-x/0-first/kep.yaml', 'keps/sig-x/3-c/kep.yaml']);
    assert.deepEqual(paths(early.kepsWithNumber('3')), ['keps/sig-x/3-c/kep.yaml']);
  });
});
