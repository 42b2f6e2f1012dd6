import * as assert from 'node:assert/strict';
import { handleToLogin, rankKepShepherds } from '../../server/src/core/reviewers/kepShepherd';

describe('KEP shepherd ranking', () => {
  const base = { sigName: 'SIG Node', techLeads: ['node-lead'], chairs: ['node-chair'], leadsAlias: ['node-chair', 'node-lead', 'other'], kepApprovers: ['@node-lead', '@approver2'], authors: ['@alice'] };

  it('ranks tech leads, then KEP approvers, chairs, alias members; explains roles; excludes authors', () => {
    const r = rankKepShepherds({ ...base, kepApprovers: [...base.kepApprovers, '@Alice'] });
    assert.deepEqual(r.map((c) => c.login), ['node-lead', 'approver2', 'node-chair', 'other']);
    assert.deepEqual(r[0].roles, ['tech lead', 'KEP approver', 'leads alias']);
    assert.match(r[0].reasons[0], /tech lead and KEP approver and leads alias of SIG Node/);
  });

  it('busy, load and recent asks lower a candidate, with reasons', () => {
    const now = Date.UTC(2026, 10, 24);
    const r = rankKepShepherds({ ...base, busy: ['node-lead'], openReviewRequests: { approver2: 9 }, recentRequests: { now, requests: [{ login: 'node-chair', at: now - 86_400_000 }] } });
    const lead = r.find((c) => c.login === 'node-lead')!;
    assert.ok(lead.reasons.includes('GitHub status: busy'));
    assert.equal(r[r.length - 1].login, 'node-lead');
    assert.ok(r.find((c) => c.login === 'approver2')!.reasons.includes('9 open review requests'));
    assert.match(r.find((c) => c.login === 'node-chair')!.reasons.join(' '), /asked 1 time in the last 14 days/);
  });

  it('normalises handles and drops free text', () => {
    assert.equal(handleToLogin(' @Wojtek-T '), 'wojtek-t');
    assert.equal(handleToLogin('@deads2k - For Kube API Server portion'), undefined);
    assert.equal(handleToLogin('TBD'), undefined);
  });
});
