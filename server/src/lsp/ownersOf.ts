/**
 * `shepherd/ownersOf`: ownership of a file or folder for the client UI (status bar, Explorer, ownership view):
 * Prow's answers, the OWNERS chain with positions, the owning SIG(s) with evidence and contacts, emeritus people.
 * Also `shepherd/sigsSettings` (client → server: where sigs.yaml comes from, workspace trust) and
 * `shepherd/ownershipChanged` (server → client, when a sigs.yaml download lands or the settings change).
 */
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { describeMeeting, slackUrl, type SigsModel } from '../core/sigs/sigsModel';
import { subprojectIndex, type OwningGroup, type SubprojectIndex, type RepoIdentity } from '../core/sigs/owningSig';
import { ownershipOf } from '../core/sigs/ownership';
import type { Repository } from '../workspace/repository';
import { repoIdentity, SigsSource, type Fetcher, type SigsFolder } from '../workspace/sigsSource';
import {
  OwnersOfRequest,
  OwnershipChangedNotification,
  SigsSettingsNotification,
  type OwnersOfParams,
  type OwnersOfResult,
  type OwnersRole,
  type SigInfo,
  type SigsSettingsParams,
} from './protocol';
import type { Workspaces } from './workspaces';

export class OwnersOfService {
  readonly sigs: SigsSource;
  private readonly identities = new Map<string, RepoIdentity>();
  private readonly subprojects = new WeakMap<SigsModel, Map<string, SubprojectIndex>>();

  constructor(private readonly workspaces: Workspaces, fetcher?: Fetcher) {
    this.sigs = new SigsSource(fetcher);
  }

  private folder(repo: Repository): SigsFolder {
    return { root: repo.root, text: (rel) => repo.text(rel) };
  }

  private identity(repo: Repository): RepoIdentity {
    let id = this.identities.get(repo.root);
    if (!id) this.identities.set(repo.root, (id = repoIdentity(repo.root)));
    return id;
  }

  private subprojectsFor(model: SigsModel, repo: Repository): SubprojectIndex {
    let perRepo = this.subprojects.get(model);
    if (!perRepo) this.subprojects.set(model, (perRepo = new Map()));
    let idx = perRepo.get(repo.root);
    if (!idx) perRepo.set(repo.root, (idx = subprojectIndex(model, this.identity(repo))));
    return idx;
  }

  /** `uri` may be any document showing a working-tree file (`file:`, `git:` diff/staged, `review:`). */
  ownersOf(uri: string): OwnersOfResult | null {
    const loc = this.workspaces.locateDocument(uri);
    if (!loc) return null;
    const { repo, rel } = loc;
    const all = this.workspaces.all();
    const { model, info } = this.sigs.modelFor(this.folder(repo), all.map((r) => this.folder(r)));
    const subprojects = this.subprojectsFor(model, repo);
    const o = ownershipOf(repo.index.queries, repo.index.owners, rel, {
      ownersFilename: repo.index.opts.ownersFilename,
      model,
      subprojects,
    });
    const uriOf = (f: string) => this.workspaces.uriOf(repo, f);
    const sigsYamlUri = info.file ? URI.file(info.file).toString() : info.url;
    const { chain: links, owning, emeritus, ...report } = o;
    return {
      ...report,
      root: uriOf(''),
      chain: links.map((l) => {
        const roles = new Set<OwnersRole>();
        for (const e of l.entries) if (e.counts) roles.add(e.role);
        return {
          uri: uriOf(l.file),
          file: l.file,
          line: l.line,
          roles: (['approvers', 'reviewers', 'required_reviewers', 'labels'] as const).filter((r) => roles.has(r)),
          layer: l.layer,
          noParentOwners: l.noParentOwners,
          ignored: l.ignored,
          entries: l.entries.map((e) => ({ ...e })),
        };
      }),
      sigs: owning.groups.map((g) => sigInfo(g, uriOf, sigsYamlUri)),
      sigsVia: owning.via,
      sigsSource: { kind: info.kind, description: info.description, date: info.date, problem: info.problem },
      repoMatch: owning.repoMatch,
      emeritus: emeritus.map((e) => ({ ...e, uri: uriOf(e.file) })),
    };
  }

  configure(p: SigsSettingsParams): void {
    this.sigs.configure({ sigsYaml: p.sigsYaml, trusted: p.trusted === true, download: p.download, cacheDir: p.cacheDir });
  }
}

function sigInfo(g: OwningGroup, uriOf: (f: string) => string, sigsYamlUri: string | undefined): SigInfo {
  const group = g.group;
  const contact = g.subprojectInfo?.contact?.slack || g.subprojectInfo?.contact?.mailingList ? g.subprojectInfo.contact : group?.contact;
  const meetings = [...(g.subprojectInfo?.meetings ?? []), ...(group?.meetings ?? [])];
  return {
    category: g.category,
    id: g.id,
    name: g.name,
    label: g.label,
    known: g.known,
    subproject: g.subproject,
    weak: g.weak,
    evidence: g.evidence.map((e) => ({
      kind: e.kind,
      detail: e.detail,
      file: e.file,
      uri: e.file !== undefined ? uriOf(e.file) : undefined,
      line: e.line,
      sigsYamlUri: e.sigsYamlLine !== undefined ? sigsYamlUri : undefined,
      sigsYamlLine: e.sigsYamlLine,
    })),
    contact: contact
      ? { slack: contact.slack, slackUrl: contact.slack ? slackUrl(contact.slack) : undefined, mailingList: contact.mailingList, teams: contact.teams.map((t) => t.name) }
      : undefined,
    meetings: meetings.map((m) => ({ description: describeMeeting(m), url: m.url })),
    chairs: group?.leadership.chairs.map((p) => p.github) ?? [],
    techLeads: group?.leadership.techLeads.map((p) => p.github) ?? [],
  };
}

export function registerOwnersOf(connection: Connection, workspaces: Workspaces, fetcher?: Fetcher): OwnersOfService {
  const service = new OwnersOfService(workspaces, fetcher);
  service.sigs.onDidChange(() => void connection.sendNotification(OwnershipChangedNotification, {}));
  connection.onRequest(OwnersOfRequest, (params: OwnersOfParams): OwnersOfResult | null => service.ownersOf(params.uri));
  connection.onNotification(SigsSettingsNotification, (p: SigsSettingsParams) => service.configure(p));
  return service;
}
