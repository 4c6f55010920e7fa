import { Node, type VariableStatement } from 'ts-morph';
import { lineIndent } from '../../src/codemod/code-style.js';
import type { FunctionLike } from '../../src/codemod/ts-nodes.js';
import type { Workspace } from '../../src/codemod/workspace.js';
import { listElements, removalEdits } from './list-element.js';

/**
 * Edits that several reports may share, gathered over a run and written at its end: removals from
 * one object literal or pattern are merged, and the declarations that replace destructured tokens
 * are grouped per statement (a pattern left empty gives way to them).
 */
export class Rewrites {
  private readonly removals = new Map<Node, Set<Node>>();
  private readonly after = new Map<VariableStatement, string[]>();
  private readonly first = new Map<FunctionLike, string[]>();

  constructor(private readonly workspace: Workspace) {}

  removeElement(element: Node): void {
    const list = element.getParentOrThrow();
    this.removals.set(list, new Set([...(this.removals.get(list) ?? []), element]));
  }

  /** `const { apiKey } = job.data` → `const apiKey = requireEnv(…)` after the statement (or instead of it). */
  declareAfter(statement: VariableStatement, element: Node, declaration: string): void {
    this.removeElement(element);
    this.after.set(statement, [...(this.after.get(statement) ?? []), declaration]);
  }

  /** `run: async ({ apiKey }) => …` → the declaration first in the function. */
  declareFirst(fn: FunctionLike, element: Node, declaration: string): void {
    this.removeElement(element);
    this.first.set(fn, [...(this.first.get(fn) ?? []), declaration]);
  }

  flush(): void {
    for (const [statement, declarations] of this.after) {
      const edits = this.workspace.editsFor(statement.getSourceFile());
      const indent = lineIndent(statement.getSourceFile().getFullText(), statement.getStart());
      const lines = declarations.join(edits.style.newline + indent);
      const [declaration] = statement.getDeclarations();
      const pattern = declaration?.getNameNode();
      const emptied = statement.getDeclarations().length === 1 && Node.isObjectBindingPattern(pattern) && listElements(pattern).every((element) => this.removals.get(pattern)?.has(element));
      if (emptied && pattern) {
        this.removals.delete(pattern);
        edits.replace(statement.getStart(), statement.getEnd(), lines);
      } else {
        edits.insert(statement.getEnd(), edits.style.newline + indent + lines);
      }
    }
    for (const [fn, declarations] of this.first) for (const declaration of declarations) this.workspace.editsFor(fn.getSourceFile()).prepend(fn, declaration);
    for (const [list, removed] of this.removals) {
      const edits = this.workspace.editsFor(list.getSourceFile());
      for (const edit of removalEdits(list, removed)) edits.replace(edit.start, edit.end, edit.text);
    }
  }
}
