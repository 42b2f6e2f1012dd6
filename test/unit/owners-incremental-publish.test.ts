/**
 * The language server re-diagnoses only the OWNERS files an OWNERS_ALIASES edit can affect (and OWNERS_ALIASES after
 * an OWNERS edit, for aliases/unused). Differential test: after every random edit, what the publisher has sent for
 * each file must equal a full re-diagnosis of the repository.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnosticsPublisher';
import type { Workspaces } from '../../server/src/lsp/workspaces';
import { repositoryDiagnostics } from '../../server/src/workspace/pipeline';
import { Repository } from '../../server/src/workspace/repository';

const NAMES = ['sig-a-leads', 'sig-b-leads', 'sig-a-lead', 'wg-c-chairs', 'team-x', 'SIG-B-Leads', '@sig-b-leads', 'sig-bb-leads', 'on', 'alice', 'sig-abc-leads', 'wg-c-chair-x'];
const PEOPLE = ['alice', 'bob', 'carol', 'yes', '@@dave', 'sig-zz-leads'];
const OWNERS_COUNT = 6;

interface Model {
  groups: { name: string; members: string[]; flow: boolean }[];
  broken: boolean;
  owners: { approvers: string[]; reviewers: string[]; labels: string[] }[];
}

type Edit =
  | { k: 'add-group'; name: string; flow: boolean }
  | { k: 'remove-group'; i: number }
  | { k: 'rename-group'; i: number; name: string }
  | { k: 'add-member'; i: number; m: string }
  | { k: 'remove-member'; i: number }
  | { k: 'toggle-broken' }
  | { k: 'owners'; i: number; role: 'approvers' | 'reviewers' | 'labels'; names: string[] }
  | { k: 'delete-owners'; i: number };

const name = fc.constantFrom(...NAMES);
const someNames = fc.array(fc.constantFrom(...NAMES, ...PEOPLE), { maxLength: 3 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ k: fc.constant('add-group' as const), name, flow: fc.boolean() }),
  fc.record({ k: fc.constant('remove-group' as const), i: fc.nat(9) }),
  fc.record({ k: fc.constant('rename-group' as const), i: fc.nat(9), name }),
  fc.record({ k: fc.constant('add-member' as const), i: fc.nat(9), m: fc.constantFrom(...PEOPLE, 'sig-a-leads') }),
  fc.record({ k: fc.constant('remove-member' as const), i: fc.nat(9) }),
  fc.record({ k: fc.constant('toggle-broken' as const) }),
  fc.record({ k: fc.constant('owners' as const), i: fc.nat(OWNERS_COUNT - 1), role: fc.constantFrom('approvers' as const, 'reviewers' as const, 'labels' as const), names: someNames }),
  fc.record({ k: fc.constant('delete-owners' as const), i: fc.nat(OWNERS_COUNT - 1) }),
);

function renderAliases(m: Model): string {
  const lines = ['aliases:'];
  for (const g of m.groups) {
    if (g.flow) lines.push(`  ${g.name}: [${g.members.join(', ')}]`);
    else if (g.members.length === 0) lines.push(`  ${g.name}:`);
    else lines.push(`  ${g.name}:`, ...g.members.map((x) => `    - ${x}`));
  }
  if (m.broken) lines.push('  oops: [');
  return lines.join('\n') + '\n';
}

function renderOwners(o: Model['owners'][number]): string {
  const list = (k: string, xs: string[]) => (xs.length === 0 ? [] : [`${k}:`, ...xs.map((x) => `  - ${x}`)]);
  return [...list('approvers', o.approvers), ...list('reviewers', o.reviewers), ...list('labels', o.labels)].join('\n') + '\n';
}

function apply(m: Model, e: Edit): string {
  const g = m.groups.length > 0 && 'i' in e ? m.groups[e.i % m.groups.length] : undefined;
  switch (e.k) {
    case 'add-group':
      m.groups.push({ name: e.name, members: ['bob'], flow: e.flow });
      break;
    case 'remove-group':
      if (g) m.groups.splice(m.groups.indexOf(g), 1);
      break;
    case 'rename-group':
      if (g) g.name = e.name;
      break;
    case 'add-member':
      g?.members.push(e.m);
      break;
    case 'remove-member':
      g?.members.pop();
      break;
    case 'toggle-broken':
      m.broken = !m.broken;
      break;
    case 'owners':
      m.owners[e.i][e.role] = e.names;
      return `d${e.i}/OWNERS`;
    case 'delete-owners':
      m.owners[e.i] = { approvers: [], reviewers: [], labels: [] };
      return `d${e.i}/OWNERS`;
  }
  return 'OWNERS_ALIASES';
}

function fullDiagnostics(repo: Repository): Map<string, string> {
  const byFile = new Map<string, unknown[]>();
  for (const d of repositoryDiagnostics(repo)) {
    const l = byFile.get(d.file) ?? [];
    l.push(toLspDiagnostic(d));
    byFile.set(d.file, l);
  }
  return new Map([...byFile].map(([f, ds]) => [f, JSON.stringify(ds)]));
}

describe('owners: incremental publish after OWNERS_ALIASES / OWNERS edits equals a full re-diagnosis', () => {
  it('random edit sequences', () => {
    fc.assert(
      // `pauses[i]`: the user pauses after edit i (postponed work runs). Without a pause, a broken OWNERS_ALIASES
      // (one that does not parse) leaves its whole-repository pass pending, so only the states after which nothing is
      // pending are compared.
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (edits, pauses) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-incr-'));
        try {
          const model: Model = {
            groups: [
              { name: 'sig-a-leads', members: ['alice', 'bob'], flow: false },
              { name: 'sig-b-leads', members: ['carol'], flow: false },
              { name: 'wg-c-chairs', members: ['dave'], flow: true },
            ],
            broken: false,
            owners: Array.from({ length: OWNERS_COUNT }, (_, i) => ({ approvers: [NAMES[i % NAMES.length], 'alice'], reviewers: [NAMES[(i + 3) % NAMES.length]], labels: i % 2 ? ['sig-a-leads'] : [] })),
          };
          fs.writeFileSync(path.join(dir, 'OWNERS_ALIASES'), renderAliases(model));
          fs.writeFileSync(path.join(dir, 'OWNERS'), 'approvers:\n  - alice\n');
          model.owners.forEach((o, i) => {
            fs.mkdirSync(path.join(dir, `d${i}`));
            fs.writeFileSync(path.join(dir, `d${i}`, 'OWNERS'), renderOwners(o));
          });
          const repo = Repository.open(dir);
          const published = new Map<string, string>();
          const connection = {
            sendDiagnostics: (p: PublishDiagnosticsParams) => {
              if (p.diagnostics.length === 0) published.delete(p.uri);
              else published.set(p.uri, JSON.stringify(p.diagnostics));
              return Promise.resolve();
            },
          } as unknown as Connection;
          const workspaces = { all: () => [repo], uriOf: (_r: Repository, rel: string) => rel } as unknown as Workspaces;
          const publisher = new DiagnosticsPublisher(connection, workspaces);
          publisher.publishAll();
          assert.deepEqual(published, fullDiagnostics(repo));
          for (const [i, e] of edits.entries()) {
            const rel = apply(model, e);
            if (e.k === 'delete-owners') {
              // The editor closes the buffer, then the file goes from disk (a later edit re-creates it as a buffer).
              repo.clearOverlay(rel);
              publisher.fileChanged(repo, rel);
              fs.rmSync(path.join(dir, rel), { force: true });
              repo.diskChanged(rel, true);
            } else repo.setOverlay(rel, rel === 'OWNERS_ALIASES' ? renderAliases(model) : renderOwners(model.owners[Number(rel.slice(1, rel.indexOf('/')))]));
            publisher.fileChanged(repo, rel);
            // What is postponed to a typing pause (a pass over a broken OWNERS_ALIASES) runs now.
            if (pauses[i]) publisher.flush();
            else if (repo.index.aliases?.file?.syntaxError) continue;
            assert.deepEqual(published, fullDiagnostics(repo), `after ${JSON.stringify(e)} (pause: ${pauses[i]})`);
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
