/**
 * Settings that decide where the GitHub token is sent must not be settable by a workspace: a cloned repository's
 * .vscode/settings.json could otherwise point the signed-in user's token at any host.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } | { properties: Record<string, { scope?: string }> }[] };
};

function properties(): Record<string, { scope?: string }> {
  const c = manifest.contributes.configuration;
  return Array.isArray(c) ? Object.assign({}, ...c.map((x) => x.properties)) : c.properties;
}

describe('manifest: token-routing settings are user-level only', () => {
  it('kubeShepherd.github.baseUrl has application scope (workspace settings cannot redirect the token)', () => {
    assert.equal(properties()['kubeShepherd.github.baseUrl']?.scope, 'application');
  });

  it('no setting holds a token', () => {
    for (const name of Object.keys(properties())) assert.doesNotMatch(name, /token|secret|password/i, name);
  });
});
