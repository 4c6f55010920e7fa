import { lineIndent, quoted } from '../src/codemod/code-style.js';
import type { FileEdits } from '../src/codemod/file-edits.js';
import { hasMarker } from '../src/codemod/markers.js';
import { REQUIRE_ENV } from '../src/codemod/require-env.js';
import type { Codemod, CodemodInput, CodemodOutput, ReportedFile } from '../src/codemod/types.js';
import { Workspace } from '../src/codemod/workspace.js';
import { rewriteDestructured } from './require-env/destructured.js';
import { provideRequireEnv } from './require-env/helper-module.js';
import { locate, type Destructured, type Located, type Mark } from './require-env/locate.js';

const NAME = 'require-env';

export const requireEnv: Codemod = {
  name: NAME,
  rule: 'no-unchecked-credential-env',
  description: 'Read credentials that reach a client unchecked with `requireEnv("NAME")`, which fails fast naming the variable',
  transform,
};

function transform(input: CodemodInput): CodemodOutput {
  const workspace = new Workspace(NAME);
  const needHelper: FileEdits[] = [];
  for (const file of input.reported) {
    const edits = rewrite(file, workspace);
    if (edits) needHelper.push(edits);
  }
  provideRequireEnv(needHelper, input, workspace);
  return workspace.output();
}

/** Rewrites one file's reads; returns its edits when it now calls `requireEnv`. */
function rewrite(file: ReportedFile, workspace: Workspace): FileEdits | undefined {
  const sourceFile = workspace.sourceFile(file);
  const edits = workspace.editsFor(sourceFile);
  const located = file.reports.map((report) => locate(sourceFile, report)).filter((found): found is Located => found !== undefined);
  const marks = new Map<number, Mark>();
  const destructured: Destructured[] = [];
  let callsHelper = false;
  for (const found of located) {
    if (found.kind === 'mark') {
      // One marker per statement, and none where an earlier run left one (idempotence).
      const comments = found.statement.getLeadingCommentRanges().map((comment) => comment.getText()).join('\n');
      if (!hasMarker(comments, NAME)) marks.set(found.statement.getStart(), found);
    } else if (found.kind === 'destructured') {
      destructured.push(found);
    } else {
      edits.replace(found.start, found.end, `${REQUIRE_ENV}(${quoted(found.name, edits.style)})`);
      callsHelper = true;
    }
  }
  rewriteDestructured(destructured, edits);
  const text = sourceFile.getFullText();
  for (const [start, { message }] of marks) edits.insert(start, workspace.marker(message) + edits.style.newline + lineIndent(text, start));
  return callsHelper || destructured.length > 0 ? edits : undefined;
}
