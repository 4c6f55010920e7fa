import { Node, type SourceFile } from 'ts-morph';
import type { PayloadRead } from '../../src/analysis/job-consumers.js';
import { lineIndent, quoted } from '../../src/codemod/code-style.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import { REQUIRE_ENV } from '../../src/codemod/require-env.js';
import { isFunctionLike, widestAtRange } from '../../src/codemod/ts-nodes.js';
import { removeElement } from './list-element.js';

/**
 * Makes a consumer's read of the token resolve the service credential for each job instead:
 * `job.data.apiKey` becomes `requireEnv("CREWAI_API_KEY")`; a destructured `apiKey` leaves the
 * pattern and becomes `const apiKey = requireEnv(...)` after it (or first in the function, for a parameter).
 * False when the read cannot be rewritten (a marker goes there instead).
 */
export function replaceRead(sourceFile: SourceFile, edits: FileEdits, read: PayloadRead, envVar: string): boolean {
  const call = `${REQUIRE_ENV}(${quoted(envVar, edits.style)})`;
  if (read.kind === 'value') {
    edits.replace(read.range[0], read.range[1], call);
    return true;
  }
  const element = widestAtRange(sourceFile, read.range);
  if (!Node.isBindingElement(element) || !read.local) return false;
  const declaration = edits.statement(`const ${read.local} = ${call}`);
  let owner: Node | undefined = element.getParent();
  while (Node.isObjectBindingPattern(owner) || Node.isArrayBindingPattern(owner) || Node.isBindingElement(owner)) owner = owner.getParent();
  if (Node.isParameterDeclaration(owner)) {
    const fn = owner.getParent();
    const removal = removeElement(element);
    if (!removal || !isFunctionLike(fn)) return false;
    edits.replace(removal.start, removal.end, removal.text);
    edits.prepend(fn, declaration);
    return true;
  }
  const statement = Node.isVariableDeclaration(owner) ? owner.getVariableStatement() : undefined;
  if (!statement || !Node.isVariableDeclaration(owner)) return false;
  const pattern = element.getParentOrThrow();
  if (statement.getDeclarations().length === 1 && owner.getNameNode() === pattern && Node.isObjectBindingPattern(pattern) && pattern.getElements().length === 1) {
    edits.replace(statement.getStart(), statement.getEnd(), declaration);
    return true;
  }
  const removal = removeElement(element);
  if (!removal) return false;
  edits.replace(removal.start, removal.end, removal.text);
  const text = sourceFile.getFullText();
  edits.insert(statement.getEnd(), `${edits.style.newline}${lineIndent(text, statement.getStart())}${declaration}`);
  return true;
}
