import { Node, type SourceFile } from 'ts-morph';
import { lineIndent } from '../src/codemod/code-style.js';
import { declaresName } from '../src/codemod/declares.js';
import { hasMarker } from '../src/codemod/markers.js';
import { REQUIRE_ENV, requireEnvHelper } from '../src/codemod/require-env.js';
import type { TextEdit } from '../src/codemod/text-edits.js';
import { nodeAtRange, outermostFunction, type FunctionLike } from '../src/codemod/ts-nodes.js';
import type { Codemod, CodemodInput, CodemodOutput, ReportedFile, RuleReport } from '../src/codemod/types.js';
import { Workspace } from '../src/codemod/workspace.js';
import { serviceCredentialEdit } from './service-credential/replacement.js';
import { unusedLocalRemovals } from './service-credential/unused-locals.js';

const NAME = 'service-credential';
/** `--option serviceEnv=NAME` for every client the catalog does not know; `serviceEnv.<client>=NAME` for one. */
const OPTION = 'serviceEnv';

export const serviceCredential: Codemod = {
  name: NAME,
  rule: 'no-forwarded-authorization',
  description: "Replace a forwarded Authorization value with the service's own credential, read from the env when the code runs",
  transform,
};

function transform(input: CodemodInput): CodemodOutput {
  const workspace = new Workspace(NAME);
  for (const file of input.reported) rewrite(workspace.sourceFile(file), file, input.options ?? {}, workspace);
  return workspace.output();
}

function rewrite(sourceFile: SourceFile, file: ReportedFile, options: Readonly<Record<string, string>>, workspace: Workspace): void {
  const edits = workspace.editsFor(sourceFile);
  const { newline } = edits.style;
  const text = sourceFile.getFullText();
  const marked = new Set<Node>();
  const replaced: TextEdit[] = [];
  /** Header-parsing locals to remove once nothing reads them, per function. */
  const locals = new Map<FunctionLike, Set<string>>();

  const mark = (statement: Node, message: string): void => {
    if (marked.has(statement)) return;
    marked.add(statement);
    edits.insert(statement.getStart(), `${workspace.marker(message)}${newline}${lineIndent(text, statement.getStart())}`);
  };

  for (const report of file.reports) {
    const reported = widest(nodeAtRange(sourceFile, report.range));
    const statement = reported && enclosingStatement(reported);
    if (!reported || !statement || marked.has(statement)) continue;
    // Marked by an earlier run: the spot waits for a person (idempotence).
    if (statement.getLeadingCommentRanges().some((comment) => hasMarker(comment.getText(), NAME))) {
      marked.add(statement);
      continue;
    }
    const { data } = report;
    if (data.kind === 'state') {
      mark(statement, `\`${data.credential}\` keeps the caller's ${data.source} in module state shared by concurrent requests: pass the value down to the code that uses it (or use AsyncLocalStorage) and remove the shared variable`);
      continue;
    }
    const envVar = data.envVar || options[`${OPTION}.${data.client}`] || options[OPTION];
    const edit = envVar ? serviceCredentialEdit(reported, data.credential ?? '', envVar, edits.style) : undefined;
    if (!edit) {
      mark(statement, followUp(report));
      continue;
    }
    edits.replace(edit.start, edit.end, edit.text);
    replaced.push(edit);
    const fn = outermostFunction(reported);
    if (fn && data.locals) locals.set(fn, new Set([...(locals.get(fn) ?? []), ...data.locals.split(',')]));
  }

  for (const [fn, names] of locals) for (const removal of unusedLocalRemovals(fn, names, replaced)) edits.replace(removal.start, removal.end, removal.text);
  if (replaced.length > 0 && !declaresName(sourceFile, REQUIRE_ENV)) edits.append(requireEnvHelper(edits.style, edits.typescript));
}

function followUp(report: RuleReport): string {
  const { credential, client, source } = report.data;
  return `\`${credential}\` of ${client} takes the caller's ${source}: use ${client}'s own credential from the environment, or run again with --option ${OPTION}.${client}=ENV_NAME`;
}

/** `{ apiKey }`: the shorthand property, not the name it shares its range with. */
function widest(node: Node | undefined): Node | undefined {
  const parent = node?.getParent();
  return Node.isShorthandPropertyAssignment(parent) ? parent : node;
}

/** The statement, in a block or at the top of the file, that holds `node`: where a marker goes. */
function enclosingStatement(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    const parent = current.getParent();
    if (Node.isStatement(current) && (Node.isBlock(parent) || Node.isSourceFile(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent))) return current;
  }
  return undefined;
}
