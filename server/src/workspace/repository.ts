/**
 * A repository on disk as the core sees it: a RepoSnapshot (file list + text) with editor buffers overlaid, and the
 * OWNERS index kept current. The only place (with scan.ts) that touches the file system for analysis.
 */
import * as path from 'node:path';
import type { RepoSnapshot } from '../core/snapshot';
import { parseRepoConfig, REPO_CONFIG_PATH } from '../core/config/repoConfig';
import type { OwnersDiscoveryOptions } from '../core/owners/discovery';
import { OwnersIndex, type OwnersText } from './ownersIndex';
import { readText, scanTree, type ScanResult } from './scan';

export interface RepositoryOptions extends OwnersDiscoveryOptions {
  /** Directory names never entered by the scan (speed), e.g. node_modules. Prow does not skip them. */
  alwaysSkip?: string[];
}

export class Repository implements RepoSnapshot {
  readonly files: Set<string>;
  readonly index: OwnersIndex;
  /** What the scan skipped or could not read (its file list lives on as `files`, not twice). */
  readonly scan: Omit<ScanResult, 'files'>;
  private readonly overlays = new Map<string, string>();
  private readonly diskCache = new Map<string, OwnersText>();

  private constructor(readonly root: string, readonly opts: RepositoryOptions) {
    const { files, ...rest } = scanTree(root, { denylist: undefined, alwaysSkip: new Set(['.git', ...(opts.alwaysSkip ?? [])]) });
    this.scan = rest;
    this.files = new Set(files);
    this.index = OwnersIndex.build(this.files, (p) => this.read(p), opts);
  }

  /** Opens a repository; its `.kube-shepherd.yaml` (if valid) adds Prow discovery settings to `opts`. */
  static open(root: string, opts: RepositoryOptions = {}): Repository {
    const abs = path.resolve(root);
    const cfgText = readText(path.join(abs, REPO_CONFIG_PATH)).text;
    const cfg = cfgText === undefined ? undefined : parseRepoConfig(cfgText).config;
    const merged: RepositoryOptions = {
      ...opts,
      dirDenylist: [...(opts.dirDenylist ?? []), ...(cfg?.dirDenylist ?? [])],
      ignorePreconfiguredDefaults: opts.ignorePreconfiguredDefaults ?? cfg?.ignorePreconfiguredDefaults,
      mdYaml: opts.mdYaml ?? cfg?.mdYaml,
    };
    return new Repository(abs, merged);
  }

  abs(rel: string): string {
    return rel === '' ? this.root : path.join(this.root, ...rel.split('/'));
  }

  /** Repository-relative path of an absolute path, or undefined when outside. */
  rel(abs: string): string | undefined {
    const r = path.relative(this.root, abs);
    if (r === '' ) return '';
    if (r.startsWith('..') || path.isAbsolute(r)) return undefined;
    return r.split(path.sep).join('/');
  }

  private read(rel: string): OwnersText {
    const o = this.overlays.get(rel);
    if (o !== undefined) return { text: o };
    let hit = this.diskCache.get(rel);
    if (!hit) {
      hit = readText(this.abs(rel));
      this.diskCache.set(rel, hit);
    }
    return hit;
  }

  text(rel: string): string | undefined {
    if (!this.files.has(rel) && !this.overlays.has(rel)) return undefined;
    return this.read(rel).text;
  }

  /** Why a file has no text (too large, binary, unreadable), if it has none. */
  problem(rel: string): string | undefined {
    return this.read(rel).problem;
  }

  /** An editor buffer replaces the disk content. */
  setOverlay(rel: string, text: string): void {
    this.overlays.set(rel, text);
    this.files.add(rel);
    this.refreshIndex(rel);
  }

  clearOverlay(rel: string): void {
    if (!this.overlays.delete(rel)) return;
    this.diskCache.delete(rel);
    const onDisk = readText(this.abs(rel));
    if (onDisk.problem === 'ENOENT') this.files.delete(rel);
    this.refreshIndex(rel);
  }

  /** A file was created, changed or deleted on disk. */
  diskChanged(rel: string, deleted: boolean): void {
    this.diskCache.delete(rel);
    if (deleted && !this.overlays.has(rel)) this.files.delete(rel);
    else this.files.add(rel);
    this.refreshIndex(rel);
  }

  private refreshIndex(rel: string): void {
    if (!this.index.isTracked(rel)) return;
    const present = this.files.has(rel);
    if (rel === (this.opts.aliasesFilename ?? 'OWNERS_ALIASES')) {
      if (present) this.index.setAliasesText(this.read(rel));
      else this.index.removeAliases();
    } else if (present) this.index.setOwnersText(rel, this.read(rel));
    else this.index.removeOwners(rel);
  }
}
