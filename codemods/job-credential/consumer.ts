import { Node, type SourceFile } from 'ts-morph';
import type { PayloadRead } from '../../src/analysis/payload-reads.js';
import { quoted } from '../../src/codemod/code-style.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import { REQUIRE_ENV } from '../../src/codemod/require-env.js';
import { isFunctionLike, widestAtRange } from '../../src/codemod/ts-nodes.js';
import type { Rewrites } from './rewrites.js';

/**
 * Makes a consumer's read of the token resolve the service credential for each job instead:
 * `job.data.apiKey` becomes `requireEnv("CREWAI_API_KEY")`; a destructured `apiKey` leaves the
 * pattern and becomes `const apiKey = requireEnv(...)` after it (or first in the function, for a parameter).
 * False when the read cannot be rewritten (a marker goes there instead).
 */
export function replaceRead(sourceFile: SourceFile, edits: FileEdits, rewrites: Rewrites, read: PayloadRead, envVar: string): boolean {
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
    if (!isFunctionLike(fn)) return false;
    rewrites.declareFirst(fn, element, declaration);
    return true;
  }
  const statement = Node.isVariableDeclaration(owner) ? owner.getVariableStatement() : undefined;
  if (!statement) return false;
  rewrites.declareAfter(statement, element, declaration);
  return true;
}
