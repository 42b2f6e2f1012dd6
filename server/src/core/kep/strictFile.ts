/**
 * The read → split → yaml.v3 strict decode pipeline kepval applies to kep.yaml (KEPHandler.Parse) and PRR files
 * (PRRHandler.Parse), stopping at the first failing stage exactly as upstream does, with every problem located in the
 * original file.
 */
import type { Range } from '../diagnostics';
import { LineIndex } from '../text';
import { decodeV3, type DecodeIssue, type GoType, type GoValue } from './goDecode';
import { parseV3, type V3Node } from './goYamlV3';
import { ScannedPositions, scanMetadata, type ScannedLines } from './metadataLines';

export type StrictProblemKind =
  | 'line-too-long'
  | 'empty-document'
  | 'yaml-syntax'
  | 'unknown-key'
  | 'duplicate-key'
  | 'type-mismatch'
  | 'null-document';

export interface StrictProblem {
  kind: StrictProblemKind;
  message: string;
  range: Range;
  issue?: DecodeIssue;
}

export interface StrictFile {
  text: string;
  lines: LineIndex;
  scanned: ScannedLines;
  pos: ScannedPositions;
  /** Root node of the decoded YAML, when it parsed. */
  root?: V3Node;
  /** The decoded value (pointer target; null for a null document), when the YAML parsed. */
  value?: GoValue;
  /** Problems of the first failing stage (empty when decoding succeeded). */
  problems: StrictProblem[];
}

export function readStrictFile(text: string, type: GoType, splitDashes: boolean): StrictFile {
  const lines = new LineIndex(text);
  const scanned = scanMetadata(text, splitDashes);
  const pos = new ScannedPositions(scanned, lines);
  const file: StrictFile = { text, lines, scanned, pos, problems: [] };
  if (scanned.tooLongLine !== undefined) {
    file.problems.push({
      kind: 'line-too-long',
      message: `Line ${scanned.tooLongLine + 1} is 64 KiB or longer: kepval's line scanner (bufio.Scanner) cannot read it and rejects the file.`,
      range: lines.lineRange(scanned.tooLongLine),
    });
    return file;
  }
  const doc = parseV3(scanned.yaml);
  if (doc.syntaxError) {
    file.problems.push({
      kind: 'yaml-syntax',
      message: `YAML syntax error: ${doc.syntaxError.message}.`,
      range: pos.range(doc.syntaxError.range[0], doc.syntaxError.range[1]),
    });
    return file;
  }
  if (!doc.root) {
    const where = splitDashes && scanned.dashLines.length ? lines.lineRange(scanned.dashLines[0]) : lines.lineRange(0);
    file.problems.push({
      kind: 'empty-document',
      message: splitDashes && scanned.dashLines.length
        ? 'No YAML left to decode: kepval reads only the lines between the first and second line containing `---`, and there are none (yaml.v3 returns EOF).'
        : 'The file holds no YAML document (yaml.v3 returns EOF).',
      range: where,
    });
    return file;
  }
  file.root = doc.root;
  // kepval decodes into a pointer (`&kep`), so a null document nils it instead of leaving an empty struct.
  const result = decodeV3(doc.root, { kind: 'ptr', elem: type });
  file.value = result.value;
  if (result.fatal) {
    file.problems.push({
      kind: result.fatal.message.startsWith('cannot decode') ? 'type-mismatch' : 'yaml-syntax',
      message: `YAML decoding failed: ${result.fatal.message}.`,
      range: nodeRange(file, result.fatal.node),
    });
    return file;
  }
  for (const issue of result.issues) file.problems.push(problemOf(file, issue));
  if (file.problems.length === 0 && result.value === null) {
    file.problems.push({ kind: 'null-document', message: 'The YAML document is null, so there is nothing to validate.', range: nodeRange(file, doc.root) });
  }
  return file;
}

export function nodeRange(file: StrictFile, node: V3Node): Range {
  return file.pos.range(node.range[0], node.range[1]);
}

export function spanRange(file: StrictFile, from: V3Node, to: V3Node): Range {
  return file.pos.range(from.range[0], Math.max(from.range[1], to.range[1]));
}

function problemOf(file: StrictFile, issue: DecodeIssue): StrictProblem {
  const range = nodeRange(file, issue.node);
  switch (issue.kind) {
    case 'unknown-field':
      return { kind: 'unknown-key', message: `Unknown key \`${issue.found}\`: ${typeDescription(issue.goType)} has no such field, and kepval decodes strictly.`, range, issue };
    case 'duplicate-key':
    case 'field-already-set': {
      const first = issue.first ? ` (first set on line ${file.pos.range(issue.first.range[0], issue.first.range[0]).start.line + 1})` : '';
      return { kind: 'duplicate-key', message: `Duplicate key \`${issue.found}\`${first}: yaml.v3 rejects mappings with repeated keys.`, range, issue };
    }
    case 'type-mismatch':
      return { kind: 'type-mismatch', message: `Wrong type: ${foundDescription(issue.found)} cannot be decoded into ${targetDescription(issue.goType)}.`, range, issue };
  }
}

function typeDescription(goType: string): string {
  switch (goType) {
    case 'api.Proposal': return 'kep.yaml (api.Proposal)';
    case 'api.Milestone': return '`milestone` (api.Milestone: alpha, beta, stable, deprecated, disabled, removed)';
    case 'api.FeatureGate': return 'a feature gate (api.FeatureGate: name, components)';
    case 'api.PRRApproval': return 'a PRR file (api.PRRApproval: kep-number and the stage keys)';
    case 'api.PRRMilestone': return 'a PRR stage entry (api.PRRMilestone: approver)';
    default: return goType;
  }
}

function foundDescription(tag: string): string {
  switch (tag) {
    case '!!seq': return 'a list';
    case '!!map': return 'a mapping';
    case '!!str': return 'a string';
    case '!!int': return 'a number';
    case '!!float': return 'a number';
    case '!!bool': return 'a boolean';
    case '!!timestamp': return 'a date';
    default: return `a ${tag} value`;
  }
}

function targetDescription(goType: string): string {
  switch (goType) {
    case '[]string': return 'a list of strings';
    case 'string': return 'a string';
    case 'bool': return 'a boolean (true/false; yaml.v3 also takes yes/no/on/off/y/n)';
    case '[]api.FeatureGate': return 'a list of feature gates';
    default: return typeDescription(goType);
  }
}
