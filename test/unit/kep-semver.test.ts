import * as assert from 'node:assert/strict';
import { compareSemVer, parseTolerant, PRR_REQUIRED_FROM } from '../../server/src/core/kep/semver';

const ok = (s: string) => {
  const r = parseTolerant(s);
  assert.ok(r.ok, `${s}: ${!r.ok ? r.error : ''}`);
  return r.version;
};
const err = (s: string) => {
  const r = parseTolerant(s);
  assert.ok(!r.ok, `${s} should fail`);
  return r.error;
};

describe('blang/semver ParseTolerant (kepval latest-milestone)', () => {
  it('trims spaces, drops one lower-case v, strips leading zeros, pads to three parts', () => {
    assert.equal(ok('v1.21').minor, 21n);
    assert.equal(ok(' 1.30 ').minor, 30n);
    assert.equal(ok('v01.021.00').patch, 0n);
    assert.equal(ok('0.0').major, 0n);
    assert.equal(ok('v1').major, 1n);
    assert.equal(ok('1.21.0-rc.1').pre.length, 2);
  });
  it('fails like blang does', () => {
    assert.equal(err('TBD'), 'Invalid character(s) found in major number "0TBD"');
    assert.equal(err('v1.21-rc'), 'Short version cannot contain PreRelease/Build meta data');
    assert.equal(err("V1.30"), 'Invalid character(s) found in major number "0V1"');
    assert.match(err('vv1.30'), /major number/);
    assert.match(err(''), /parsing "": invalid syntax/);
    assert.match(err('1..2'), /invalid syntax/);
    assert.match(err('1.2.3-01'), /leading zeroes/);
    assert.match(err('1.2.3+'), /empty/);
  });
  it('compares with 1.21.0 as kepval does', () => {
    assert.equal(compareSemVer(ok('v1.21'), PRR_REQUIRED_FROM), 0);
    assert.equal(compareSemVer(ok('1.20.99'), PRR_REQUIRED_FROM), -1);
    assert.equal(compareSemVer(ok('1.21.0-alpha'), PRR_REQUIRED_FROM), -1);
    assert.equal(compareSemVer(ok('2.0'), PRR_REQUIRED_FROM), 1);
  });
});
