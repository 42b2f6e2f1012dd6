import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { kepYaml, PRR_OK } from '../fixtures/keps/repo';

const load = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', name), 'utf8'));

describe('KEP JSON schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const kep = ajv.compile(load('kep.schema.json'));
  const prr = ajv.compile(load('prr.schema.json'));

  it('compile as draft-07 and describe every kep.yaml key', () => {
    const schema = load('kep.schema.json');
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    for (const [k, v] of Object.entries(schema.properties as Record<string, { description?: string }>)) assert.ok(v.description, k);
  });
  it('accept a valid kep.yaml and PRR file', () => {
    assert.ok(kep(parse(kepYaml({ 'kep-number': '"1234"' }))), JSON.stringify(kep.errors));
    assert.ok(prr(parse(PRR_OK)), JSON.stringify(prr.errors));
    assert.ok(prr(parse('kep-number: 1\nalpha:\nbeta:\n  approver: x\n')), JSON.stringify(prr.errors));
  });
  it('reject unknown keys, bad enums and missing required fields', () => {
    assert.equal(kep(parse(kepYaml({ ga: 'x' }))), false);
    assert.equal(kep(parse(kepYaml({ stage: 'gamma' }))), false);
    assert.equal(kep(parse(kepYaml({ title: '<omit>' }))), false);
    assert.equal(kep(parse(kepYaml({ milestone: '\n  ga: "v1.30"' }))), false);
    assert.equal(prr(parse('kep-number: 1\nalpha:\n  approver: x\n  extra: y\n')), false);
    assert.equal(prr(parse('alpha:\n  approver: x\n')), false);
  });
});
