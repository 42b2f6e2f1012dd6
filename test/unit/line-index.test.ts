// Offset → position conversion at line breaks: every position must lie on a line, within its content (LSP).
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text';

describe('LineIndex', () => {
  it('maps LF, CRLF and lone CR line starts and ends', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rg');
    assert.deepEqual([0, 3, 7, 10].map((o) => idx.position(o)), [
      { line: 0, character: 0 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
    ]);
    assert.deepEqual(idx.position(5), { line: 1, character: 2 }, 'the \\r of CRLF is the end of the line content');
    assert.deepEqual(idx.lineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });

  it('an offset between the \\r and \\n of a CRLF maps to the end of the line, not past it', () => {
    // A YAML error span ending on the \n of `"\r\n` (fuzz finding: kep/yaml-syntax ended at 0:2 on a 1-character line).
    const idx = new LineIndex('"\r\n---\r\n');
    assert.deepEqual(idx.position(2), { line: 0, character: 1 });
    assert.deepEqual(idx.range(1, 2), { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } });
    assert.equal(idx.offset(idx.position(2)), 1);
  });

  it('clamps offsets outside the text', () => {
    const idx = new LineIndex('a\r\n');
    assert.deepEqual(idx.position(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.position(99), { line: 1, character: 0 });
  });
});
