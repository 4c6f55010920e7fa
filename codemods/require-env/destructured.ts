import { Node, type BindingElement, type VariableStatement } from 'ts-morph';
import { lineEnd, lineIndent, quoted } from '../../src/codemod/code-style.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import { REQUIRE_ENV } from '../../src/codemod/require-env.js';
import type { Destructured } from './locate.js';

/**
 * `const { OPENAI_API_KEY, PORT } = process.env;` with OPENAI_API_KEY reported becomes
 * `const { PORT } = process.env;` and `const OPENAI_API_KEY = requireEnv("OPENAI_API_KEY");` on the
 * next line; a pattern left empty is replaced by the new declarations. Defaults (`= ''`) go.
 */
export function rewriteDestructured(reads: readonly Destructured[], edits: FileEdits): void {
  const byStatement = new Map<VariableStatement, Destructured[]>();
  for (const read of reads) byStatement.set(read.statement, [...(byStatement.get(read.statement) ?? []), read]);
  for (const [statement, group] of byStatement) rewriteStatement(statement, group, edits);
}

function rewriteStatement(statement: VariableStatement, reads: readonly Destructured[], edits: FileEdits): void {
  const { style } = edits;
  const text = edits.sourceFile.getFullText();
  const indent = lineIndent(text, statement.getStart());
  const exported = statement.hasExportKeyword() ? 'export ' : '';
  const kind = statement.getDeclarationKind();
  const declarations = reads.map(({ element, name }) => edits.statement(`${exported}${kind} ${element.getNameNode().getText()} = ${REQUIRE_ENV}(${quoted(name, style)})`));

  const pattern = reads[0]?.element.getParent();
  const elements = Node.isObjectBindingPattern(pattern) ? pattern.getElements() : [];
  const removed = new Set<BindingElement>(reads.map((read) => read.element));
  if (elements.every((element) => removed.has(element))) {
    edits.replace(statement.getStart(), statement.getEnd(), declarations.join(style.newline + indent));
    return;
  }
  for (const [start, end] of removedRanges(elements, removed)) edits.replace(start, end, '');
  edits.insert(lineEnd(text, statement.getEnd()), declarations.map((declaration) => style.newline + indent + declaration).join(''));
}

/**
 * Text ranges that take removed elements out of a pattern with their commas: a run of removed
 * elements goes up to the next kept one, or, at the end, from the kept one before it.
 */
function removedRanges(elements: readonly BindingElement[], removed: ReadonlySet<BindingElement>): [number, number][] {
  const ranges: [number, number][] = [];
  for (let index = 0; index < elements.length; index += 1) {
    if (!removed.has(elements[index] as BindingElement)) continue;
    let last = index;
    while (last + 1 < elements.length && removed.has(elements[last + 1] as BindingElement)) last += 1;
    const next = elements[last + 1];
    const previous = elements[index - 1];
    if (next) ranges.push([(elements[index] as BindingElement).getStart(), next.getStart()]);
    else if (previous) ranges.push([previous.getEnd(), (elements[last] as BindingElement).getEnd()]);
    index = last;
  }
  return ranges;
}
