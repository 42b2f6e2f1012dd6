/**
 * `shepherd/filesOwnedBy` and `shepherd/ownerSubjects`: behind "Kube Shepherd: Files Owned by…" and "My Files".
 * Thin adapter: picks the repository, gathers its OWNERS index, file list and sigs.yaml (the same source the
 * ownership view uses), runs the pure core query and adds URIs.
 */
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { filesOwnedBy, ownerSubjects } from '../core/owners/ownedBy';
import { subprojectIndex, type SubprojectIndex } from '../core/sigs/owningSig';
import type { SigsModel } from '../core/sigs/sigsModel';
import type { Repository } from '../workspace/repository';
import { repoIdentity, type SigsFolder, type SigsSource } from '../workspace/sigsSource';
import {
  FilesOwnedByRequest,
  OwnerSubjectsRequest,
  type FilesOwnedByParams,
  type FilesOwnedByResult,
  type OwnerSubjectsParams,
  type OwnerSubjectsResult,
} from './protocol';
import type { Workspaces } from './workspaces';

export class OwnedByService {
  private readonly subprojects = new WeakMap<SigsModel, Map<string, SubprojectIndex>>();

  constructor(private readonly workspaces: Workspaces, private readonly sigs: SigsSource) {}

  /** The repository of a workspace-folder URI (or of a file in it); without one, the outermost folder. */
  repoFor(uri: string | undefined): Repository | undefined {
    const all = this.workspaces.all();
    if (uri === undefined) return all[all.length - 1];
    let fsPath: string;
    try {
      const u = URI.parse(uri);
      if (u.scheme !== 'file') return undefined;
      fsPath = path.resolve(u.fsPath);
    } catch {
      return undefined;
    }
    // Deepest roots come first, so a nested folder wins.
    return all.find((r) => r.rel(fsPath) !== undefined);
  }

  private sigsFor(repo: Repository): { model: SigsModel; subprojects: SubprojectIndex; sigsYamlUri?: string } {
    const folder = (r: Repository): SigsFolder => ({ root: r.root, text: (rel) => r.text(rel) });
    const { model, info } = this.sigs.modelFor(folder(repo), this.workspaces.all().map(folder));
    let perRepo = this.subprojects.get(model);
    if (!perRepo) this.subprojects.set(model, (perRepo = new Map()));
    let idx = perRepo.get(repo.root);
    if (!idx) perRepo.set(repo.root, (idx = subprojectIndex(model, repoIdentity(repo.root))));
    return { model, subprojects: idx, sigsYamlUri: info.file ? URI.file(info.file).toString() : info.url };
  }

  filesOwnedBy(p: FilesOwnedByParams): FilesOwnedByResult | null {
    if (typeof p?.subject !== 'string' || p.subject.trim() === '') return null;
    const repo = this.repoFor(p.uri);
    if (!repo) return null;
    const { model, subprojects, sigsYamlUri } = this.sigsFor(repo);
    const kind = p.kind === 'login' || p.kind === 'alias' || p.kind === 'sig' ? p.kind : undefined;
    const r = filesOwnedBy({ name: p.subject, kind }, { owners: repo.index.owners, files: repo.files, model, subprojects, ownersFilename: repo.index.opts.ownersFilename });
    const uriOf = (rel: string) => this.workspaces.uriOf(repo, rel);
    return {
      ...r,
      root: uriOf(''),
      entries: r.entries.map((e) => ({ ...e, uri: uriOf(e.file) })),
      subprojects: r.subprojects.map((s) => ({ ...s, uri: uriOf(s.file), sigsYamlUri })),
      emeritus: r.emeritus.map((e) => ({ ...e, uri: uriOf(e.file) })),
    };
  }

  ownerSubjects(p: OwnerSubjectsParams): OwnerSubjectsResult | null {
    const repo = this.repoFor(p?.uri);
    if (!repo) return null;
    const { model, subprojects } = this.sigsFor(repo);
    return { root: this.workspaces.uriOf(repo, ''), subjects: ownerSubjects({ owners: repo.index.owners, model, subprojects }) };
  }
}

export function registerOwnedBy(connection: Connection, workspaces: Workspaces, sigs: SigsSource): OwnedByService {
  const service = new OwnedByService(workspaces, sigs);
  connection.onRequest(FilesOwnedByRequest, (p: FilesOwnedByParams) => service.filesOwnedBy(p));
  connection.onRequest(OwnerSubjectsRequest, (p: OwnerSubjectsParams) => service.ownerSubjects(p));
  return service;
}
