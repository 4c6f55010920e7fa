import type { Node, SourceFile } from 'ts-morph';
import { quoted } from '../src/codemod/code-style.js';
import { hasMarker } from '../src/codemod/markers.js';
import type { Codemod, CodemodInput, CodemodOutput, ReportedFile } from '../src/codemod/types.js';
import { Workspace } from '../src/codemod/workspace.js';
import { topLevelBindings } from './dotenv-first/bindings.js';
import { insertionOffset, isDirective, removeLines, statementLines, type StatementLines } from './dotenv-first/lines.js';
import { loadEnvModule } from './dotenv-first/load-env-module.js';
import { locate, type LateCall, type Located, type Mark } from './dotenv-first/locate.js';
import { unusedImports } from './dotenv-first/unused-imports.js';

const NAME = 'dotenv-first';

export const dotenvFirst: Codemod = {
  name: NAME,
  rule: 'no-late-dotenv',
  description: 'Load .env before every other import: `import "dotenv/config"` first instead of a late `config()` call',
  transform,
};

function transform(input: CodemodInput): CodemodOutput {
  const workspace = new Workspace(NAME);
  for (const file of input.reported) rewrite(file, input, workspace);
  return workspace.output();
}

function rewrite(file: ReportedFile, input: CodemodInput, workspace: Workspace): void {
  const sourceFile = workspace.sourceFile(file);
  const bindings = topLevelBindings(sourceFile);
  const located = new Map<Node, Located>();
  for (const report of file.reports) {
    const found = locate(sourceFile, report, bindings);
    if (found && !located.has(found.statement) && !hasEarlierMarker(found.statement)) located.set(found.statement, found);
  }
  const callsWithOptions = [...located.values()].filter((found): found is LateCall => found.kind === 'call' && found.call.getArguments().length > 0);
  // Without cross-file edits, options have nowhere to go but a module a person creates.
  const withOptions = input.crossFile ? callsWithOptions : [];
  if (!input.crossFile) {
    for (const { statement } of callsWithOptions) located.set(statement, { kind: 'mark', statement, message: 'keep these options in a module imported first (a load-env file with this call), then remove the call' });
  }
  const edits = workspace.editsFor(sourceFile);
  const loadEnv = withOptions.length > 0 ? loadEnvModule(withOptions, edits, input, workspace) : undefined;
  const { newline } = edits.style;

  const marks: Mark[] = [];
  const first: string[] = [];
  const moved = new Set<Node>();
  const put = (statement: Node, text: string): void => {
    if (moved.has(statement)) return;
    moved.add(statement);
    if (text && !first.includes(text)) first.push(text);
  };
  const ordered = [...located.values()].sort((a, b) => a.statement.getStart() - b.statement.getStart());
  for (const found of ordered) {
    if (found.kind === 'mark') marks.push(found);
    else if (found.kind === 'move') {
      for (const needed of found.needs.sort((a, b) => a.getStart() - b.getStart())) put(needed, wholeText(statementLines(needed), newline));
      put(found.statement, wholeText(statementLines(found.statement), newline));
    } else {
      // The call's comments went into the load-env module with it; a plain import takes them over.
      const toLoadEnv = withOptions.includes(found) && loadEnv !== undefined;
      const specifier = toLoadEnv ? loadEnv : `${found.module}/config`;
      const code = edits.statement(`import ${quoted(specifier, edits.style)}`);
      const lines: StatementLines = toLoadEnv ? { ...statementLines(found.statement), leading: '', trailing: '' } : statementLines(found.statement);
      put(found.statement, importsAlready(sourceFile, specifier) ? '' : wholeText({ ...lines, code }, newline));
    }
  }

  const calls = ordered.filter((found): found is LateCall => found.kind === 'call');
  const removedImports = unusedImports(calls, edits);
  for (const statement of removedImports) moved.add(statement);
  const anchor = sourceFile.getStatements().find((statement) => !isDirective(statement) && !moved.has(statement));
  if (anchor && first.length > 0) edits.insert(insertionOffset(anchor), first.join(''));
  removeLines(edits, [...moved].map(statementLines));
  for (const { statement, message } of marks) edits.insert(statement.getStart(), workspace.marker(message) + newline);
}

/** A statement's lines as text to insert elsewhere, ending with a newline. */
function wholeText(lines: StatementLines, newline: string): string {
  return `${lines.leading}${lines.code}${lines.trailing}${newline}`;
}

/** The file already has `import "<specifier>"` (first, or moved first). */
function importsAlready(sourceFile: SourceFile, specifier: string): boolean {
  return sourceFile.getImportDeclarations().some((declaration) => declaration.getModuleSpecifierValue() === specifier && !declaration.getImportClause());
}

/** This codemod marked `statement` on an earlier run: it stays as it is (idempotence). */
function hasEarlierMarker(statement: Node): boolean {
  return statement.getLeadingCommentRanges().some((comment) => hasMarker(comment.getText(), NAME));
}
