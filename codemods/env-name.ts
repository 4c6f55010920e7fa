import { Node, type SourceFile } from 'ts-morph';
import { lineIndent } from '../src/codemod/code-style.js';
import { hasMarker } from '../src/codemod/markers.js';
import { nodeAtRange } from '../src/codemod/ts-nodes.js';
import type { Codemod, CodemodInput, CodemodOutput, RuleReport } from '../src/codemod/types.js';
import { Workspace } from '../src/codemod/workspace.js';
import { mentionFollowUps, projectRoot } from './env-name/mentions.js';
import { renameText } from './env-name/rename.js';

const NAME = 'env-name';

export const envName: Codemod = {
  name: NAME,
  rule: 'no-misspelled-credential-env',
  description: 'Rename misspelled credential env reads to the name the SDK reads or the project declares',
  transform,
};

function transform(input: CodemodInput): CodemodOutput {
  const workspace = new Workspace(NAME);
  /** Old name → new name, for the mentions left outside the code. */
  const renames = new Map<string, string>();
  for (const file of input.reported) {
    const sourceFile = workspace.sourceFile(file);
    const marked = new Set<Node>();
    for (const report of file.reports) {
      const node = nodeAtRange(sourceFile, report.range);
      if (!node) continue;
      const suggestion = report.messageId === 'misspelled' ? report.data.suggestion : undefined;
      if (suggestion !== undefined) {
        workspace.editsFor(sourceFile).replace(node.getStart(), node.getEnd(), renameText(node, suggestion));
        if (report.data.name !== undefined) renames.set(report.data.name, suggestion);
        continue;
      }
      // Which of several names was meant is for a person to say: one marker per statement, once.
      const statement = enclosingStatement(node);
      if (!statement || marked.has(statement) || hasEarlierMarker(statement)) continue;
      marked.add(statement);
      mark(sourceFile, statement, ambiguity(report), workspace);
    }
  }
  const roots = input.reported.map((file) => projectRoot(file.path, input.cwd));
  return { ...workspace.output(), followUps: mentionFollowUps(renames, roots, NAME) };
}

function ambiguity(report: RuleReport): string {
  return `\`${report.data.name}\` may be ${report.data.candidates}: rename it to the one the deployment sets, or declare it in .env.example if it is meant`;
}

function mark(sourceFile: SourceFile, statement: Node, message: string, workspace: Workspace): void {
  const edits = workspace.editsFor(sourceFile);
  edits.insert(statement.getStart(), workspace.marker(message) + edits.style.newline + lineIndent(sourceFile.getFullText(), statement.getStart()));
}

/** The statement to mark: the innermost one holding the read (an import declaration for SvelteKit). */
function enclosingStatement(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isStatement(ancestor) || Node.isImportDeclaration(ancestor));
}

/** This codemod marked `statement` on an earlier run: it stays as it is (idempotence). */
function hasEarlierMarker(statement: Node): boolean {
  return statement.getLeadingCommentRanges().some((comment) => hasMarker(comment.getText(), NAME));
}
