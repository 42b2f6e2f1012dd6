/** Custom requests between the Kube Shepherd client and server (shared by both sides). */
import type { ChainEntry } from '../core/sigs/ownersChain';
import type { Role } from '../core/owners/ownersFile';
import type { EmeritusMention, OwnedByResult, OwnedEntry, OwnerSubject, SubjectKind, SubprojectOwnership } from '../core/owners/ownedBy';

// ---- shepherd/ownersOf (owned by the ownership feature) ----

/** Request: who owns a file or folder. Answers null when the URI is in no workspace folder. */
export const OwnersOfRequest = 'shepherd/ownersOf';
/** Notification client → server: sigs.yaml settings and workspace trust. */
export const SigsSettingsNotification = 'shepherd/sigsSettings';
/** Notification server → client: ownership answers may have changed (sigs.yaml downloaded, settings changed). */
export const OwnershipChangedNotification = 'shepherd/ownershipChanged';

export interface OwnersOfParams {
  uri: string;
}

export interface SigsSettingsParams {
  /** `kubeShepherd.sigsYaml`: a path or an http(s) URL. */
  sigsYaml?: string;
  trusted: boolean;
  /** `kubeShepherd.sigsYamlDownload`. */
  download?: boolean;
  cacheDir?: string;
}

// The chain's entries travel as the core computes them (type-only import: nothing of the core reaches the client).
export type OwnersRole = Role;
export type OwnersChainItem = ChainEntry;

export interface OwnersChainEntry {
  /** URI of the OWNERS file. */
  uri: string;
  /** Repository-relative path of the OWNERS file. */
  file: string;
  /** 0-based line of the first entry that applies to the document (0 when none). */
  line: number;
  /** Roles this file contributes to the document (entries that apply and count). */
  roles: OwnersRole[];
  /** Layer in the layered approvers/reviewers (0 = the path itself, 1 = its directory, …). */
  layer: number;
  noParentOwners: boolean;
  /** Prow ignores this file (it cannot decode it). */
  ignored: boolean;
  entries: OwnersChainItem[];
}

export interface SigEvidenceInfo {
  kind: 'subproject' | 'label' | 'alias';
  detail: string;
  /** OWNERS file (URI + repository-relative path) and 0-based line of the evidence, when it is in one. */
  uri?: string;
  file?: string;
  line?: number;
  /** sigs.yaml location of a subproject's OWNERS URL. */
  sigsYamlUri?: string;
  sigsYamlLine?: number;
}

export interface SigContact {
  slack?: string;
  slackUrl?: string;
  mailingList?: string;
  teams: string[];
}

export interface SigMeeting {
  description: string;
  url?: string;
}

export interface SigInfo {
  category: 'sig' | 'wg' | 'ug' | 'committee';
  /** sigs.yaml dir (`sig-node`), or derived from the label when the group is not in sigs.yaml. */
  id: string;
  name: string;
  label?: string;
  /** The group is in sigs.yaml. */
  known: boolean;
  subproject?: string;
  /** Only an alias-name hint. */
  weak: boolean;
  evidence: SigEvidenceInfo[];
  contact?: SigContact;
  meetings: SigMeeting[];
  chairs: string[];
  techLeads: string[];
}

export interface EmeritusInfo {
  login: string;
  role: 'approver' | 'reviewer';
  uri: string;
  file: string;
  line: number;
  /** Still approver/reviewer of the document anyway (Prow ignores emeritus lists). */
  stillCounts: boolean;
}

export interface OwnersOfResult {
  /** Repository-relative path of the document. */
  path: string;
  /** URI of the workspace folder (repository) the document is in. */
  root: string;
  approvers: string[][];
  reviewers: string[][];
  leafApprovers: string[];
  leafReviewers: string[];
  requiredReviewers: string[];
  labels: string[];
  approverOwnersFile: string;
  reviewerOwnersFile: string;
  /** No OWNERS file applies to the document (not an error). */
  noOwners: boolean;
  /** OWNERS files walked for the document, nearest first. */
  chain: OwnersChainEntry[];
  /** Owning SIG(s), best first (README "Owning SIG"). */
  sigs: SigInfo[];
  /** Which step of the rule decided: sigs.yaml subproject, labels, alias hint, or none. */
  sigsVia: 'subproject' | 'labels' | 'alias' | 'none';
  /** Where sigs.yaml came from. */
  sigsSource: { kind: 'setting' | 'workspace' | 'download' | 'none'; description: string; date?: string; problem?: string };
  /** How the repository was matched to sigs.yaml OWNERS URLs. */
  repoMatch?: string;
  emeritus: EmeritusInfo[];
}

// ---- Request Shepherd ----

export const SuggestReviewersRequest = 'shepherd/suggestReviewers';

export interface SuggestReviewersParams {
  /** A document of the repository (the open file). */
  uri: string;
  /** VS Code's workspace trust: git runs only when true. */
  trusted: boolean;
  /** Explicit changed files (repository-relative); default: the branch's changes (trusted) or the open file. */
  files?: string[];
  author?: string;
  prNumber?: number;
  approvedBy?: string[];
  assignees?: string[];
  /** From GitHub when signed in: open review requests per login, and busy logins. */
  openReviewRequests?: Record<string, number>;
  busy?: string[];
  /** Requests made from this machine (the "hopper"). */
  recentRequests?: { login: string; at: number }[];
  weights?: Record<string, number>;
}

export interface SuggestReviewersResult {
  files: string[];
  /** Where the files came from, in words ("3 files changed on branch fix-x since upstream/master", "the open file"). */
  filesFrom: string;
  ownersSet: string[];
  unapprovedFiles: string[];
  suggestedApprovers: { ccs: string[]; assignedCCs: string[]; suggestedCCs: string[] };
  blunderbuss: { requestCount: number; pools: { dir: string; leafReviewers: string[]; firstPickOdds: number }[]; requiredReviewers: string[] };
  ranked: { login: string; score: number; reasons: string[]; canApprove: boolean }[];
  /** The repository has OWNERS files: Prow manages reviews (so `/cc` comments are the working route). */
  prowManaged: boolean;
  /** GitHub coordinates from the git metadata (no git command run). */
  repository?: { owner: string; repo: string; host?: string; branch?: string; forkOwner?: string };
  /** Set when the open file belongs to a KEP directory. */
  kep?: { number: string; dir: string; owningSig?: string; sigLabel?: string; leads: string[]; approvers: string[] };
}

// ---- "Files Owned by…" / "My Files" (shepherd/filesOwnedBy, shepherd/ownerSubjects) ----

export const FilesOwnedByRequest = 'shepherd/filesOwnedBy';
export const OwnerSubjectsRequest = 'shepherd/ownerSubjects';

export type OwnerSubjectKind = SubjectKind;
export type OwnerSubjectInfo = OwnerSubject;

export interface FilesOwnedByParams {
  /** A login, an alias or a SIG (dir, name or label), as typed. */
  subject: string;
  /** Omitted: guessed (an alias if OWNERS_ALIASES defines it, else a SIG, else a login). */
  kind?: OwnerSubjectKind;
  /** A workspace folder (or any file in it); default: the first workspace folder. */
  uri?: string;
}

export interface FilesOwnedByResult extends Omit<OwnedByResult, 'entries' | 'subprojects' | 'emeritus'> {
  /** URI of the workspace folder (repository) answered for. */
  root: string;
  entries: (OwnedEntry & { uri: string })[];
  subprojects: (SubprojectOwnership & { uri: string; sigsYamlUri?: string })[];
  emeritus: (EmeritusMention & { uri: string })[];
}

export interface OwnerSubjectsParams {
  uri?: string;
}

export interface OwnerSubjectsResult {
  root: string;
  subjects: OwnerSubjectInfo[];
}
