import { Node, type SourceFile } from 'ts-morph';
import { bindingUses } from '../src/codemod/binding-uses.js';
import { declaresName } from '../src/codemod/declares.js';
import { hasMarker } from '../src/codemod/markers.js';
import { pascalCase } from '../src/codemod/naming.js';
import { REQUIRE_ENV, requireEnvHelper } from '../src/codemod/require-env.js';
import type { Codemod, CodemodInput, CodemodOutput, ReportedFile } from '../src/codemod/types.js';
import { Workspace } from '../src/codemod/workspace.js';
import { locate, type Conversion } from './client-factory/conversion.js';
import { factoryText, type Dependency } from './client-factory/factory-text.js';
import { rewriteImporters, type ChangedExport, type ImporterContext } from './client-factory/importers.js';
import { rebind } from './client-factory/rebind.js';

const NAME = 'client-factory';

export const clientFactory: Codemod = {
  name: NAME,
  rule: 'no-module-scope-client',
  description: 'Turn module-scope clients into factories called inside each function that uses them',
  transform,
};

/** A conversion once its reads are rewritten: why a load-time instance must stay, if it must. */
interface Converted {
  conversion: Conversion;
  keep?: string;
  /** The factory replaces the binding in the module's exports. */
  exportsFactory: boolean;
}

function transform(input: CodemodInput): CodemodOutput {
  const workspace = new Workspace(NAME);
  const planned = new Map<SourceFile, Conversion[]>();
  for (const file of input.reported) {
    const sourceFile = workspace.sourceFile(file);
    planned.set(sourceFile, plan(sourceFile, file, workspace));
  }
  // Converted initializers that read another converted value create it first (its dependencies).
  const hosts = new Map<SourceFile, Map<Node, Dependency[]>>();
  for (const [sourceFile, conversions] of planned) hosts.set(sourceFile, new Map(conversions.map((conversion) => [conversion.statement, []])));
  const context: ImporterContext = { input, workspace, hostsIn: (sourceFile) => hosts.get(sourceFile) ?? new Map() };

  const converted = new Map<SourceFile, Converted[]>();
  for (const [sourceFile, conversions] of planned) converted.set(sourceFile, conversions.map((conversion) => rewriteReads(sourceFile, conversion, context)));
  for (const [sourceFile, conversions] of converted) emit(sourceFile, conversions, hosts.get(sourceFile) ?? new Map(), workspace);
  return workspace.output();
}

/** The file's reports as conversions; spots that cannot convert (or were marked before) get a marker. */
function plan(sourceFile: SourceFile, file: ReportedFile, workspace: Workspace): Conversion[] {
  const taken = workspace.takenNames(sourceFile);
  const byStatement = new Map<Node, Conversion>();
  const marked = new Set<Node>();
  const mark = (statement: Node, message: string): void => {
    if (marked.has(statement)) return;
    marked.add(statement);
    const edits = workspace.editsFor(sourceFile);
    edits.insert(statement.getStart(), workspace.marker(message) + edits.style.newline);
  };
  for (const report of file.reports) {
    const located = locate(sourceFile, report, taken);
    if (!located) continue;
    const statement = 'conversion' in located ? located.conversion.statement : located.unconvertible.statement;
    if (hasEarlierMarker(statement)) {
      marked.add(statement);
    } else if ('unconvertible' in located) {
      mark(statement, located.unconvertible.message);
    } else {
      const existing = byStatement.get(statement);
      if (existing) existing.envNames = [...new Set([...existing.envNames, ...located.conversion.envNames])];
      else byStatement.set(statement, located.conversion);
    }
  }
  const conversions = [...byStatement.values()].filter((conversion) => {
    const reassigned = conversion.nameNode && bindingUses(sourceFile, conversion.nameNode).writes.length > 0;
    if (reassigned) mark(conversion.statement, `\`${conversion.nameNode?.getText()}\` is reassigned: create the client inside the functions that use it`);
    return !reassigned;
  });
  spreadAsync(conversions);
  return conversions;
}

/** This codemod marked `statement` on an earlier run: it stays as it is (idempotence). */
function hasEarlierMarker(statement: Node): boolean {
  return statement.getLeadingCommentRanges().some((comment) => hasMarker(comment.getText(), NAME));
}

/** A factory that creates an awaited dependency awaits too. */
function spreadAsync(conversions: Conversion[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const conversion of conversions) {
      if (conversion.isAsync) continue;
      const text = conversion.init.getText();
      if (conversions.some((other) => other.isAsync && other.nameNode && new RegExp(`\\b${other.nameNode.getText()}\\b`).test(text))) {
        conversion.isAsync = true;
        changed = true;
      }
    }
  }
}

/** Rewrites every read of the value, in its file and in the files that import it. */
function rewriteReads(sourceFile: SourceFile, conversion: Conversion, context: ImporterContext): Converted {
  const { input, workspace } = context;
  const edits = workspace.editsFor(sourceFile);
  const { factory, isAsync, nameNode } = conversion;
  const path = sourceFile.getFilePath();
  const exportRenames: { start: number; end: number; text: string }[] = [];
  const exports: ChangedExport[] = [];
  let loadTimeReads = 0;

  if (nameNode) {
    const result = rebind(edits, { nameNode, factory, isAsync }, context.hostsIn(sourceFile));
    loadTimeReads = result.loadTimeReads;
    if (conversion.exportKind === 'named') exports.push({ path, exported: nameNode.getText(), factory, isAsync });
    for (const name of result.exportSpecifiers) {
      const specifier = name.getParentOrThrow();
      const alias = Node.isExportSpecifier(specifier) ? specifier.getAliasNode()?.getText() : undefined;
      const exported = alias ?? name.getText();
      const renamed = alias ? `create${pascalCase(alias)}` : factory;
      exports.push({ path, exported, factory: renamed, isAsync });
      exportRenames.push({ start: specifier.getStart(), end: specifier.getEnd(), text: alias ? `${factory} as ${renamed}` : factory });
    }
    for (const assignment of result.defaultExports) {
      exports.push({ path, exported: 'default', factory, isAsync });
      const expression = assignment.getExpression();
      exportRenames.push({ start: expression.getStart(), end: expression.getEnd(), text: factory });
    }
  } else if (conversion.exportKind === 'default') {
    exports.push({ path, exported: 'default', factory, isAsync });
  }

  let keepExport: string | undefined;
  if (exports.length > 0 && !input.crossFile) {
    keepExport = `other modules import \`${nameNode?.getText() ?? 'default'}\`: import ${factory} instead and call it where the client is used`;
  } else if (exports.length > 0 && !exports.every((changed) => rewriteImporters(context, changed, 'survey'))) {
    for (const changed of exports) rewriteImporters(context, changed, 'mark');
    keepExport = `some importers still use the load-time instance (see their markers): switch them to ${factory}()`;
  } else {
    for (const changed of exports) rewriteImporters(context, changed, 'apply');
    for (const rename of exportRenames) edits.replace(rename.start, rename.end, rename.text);
  }
  const keepForReads = loadTimeReads > 0 ? `\`${nameNode?.getText()}\` is still read when the module loads: move those reads into functions that call ${factory}()` : undefined;
  const keep = keepExport ?? keepForReads;
  return { conversion, ...(keep ? { keep } : {}), exportsFactory: keepExport === undefined && conversion.exportKind !== 'none' };
}

/** Replaces each converted statement with its factory (and the marked load-time instance it keeps). */
function emit(sourceFile: SourceFile, conversions: Converted[], hosts: ReadonlyMap<Node, Dependency[]>, workspace: Workspace): void {
  if (conversions.length === 0) return;
  const edits = workspace.editsFor(sourceFile);
  const { newline } = edits.style;
  let readsEnv = false;
  for (const { conversion, keep, exportsFactory } of conversions) {
    const exportKind = exportsFactory ? conversion.exportKind : conversion.exportKind === 'none' ? 'none' : 'named';
    const factory = factoryText({ ...conversion, exportKind }, hosts.get(conversion.statement) ?? [], edits);
    readsEnv ||= factory.readsEnv;
    let text = factory.text;
    if (keep) {
      const call = `${conversion.isAsync ? 'await ' : ''}${conversion.factory}()`;
      const kept = conversion.nameNode
        ? `${conversion.exportKind === 'named' ? 'export ' : ''}const ${conversion.nameNode.getText()} = ${call}`
        : `export default ${call}`;
      text += `${newline}${newline}${workspace.marker(keep)}${newline}${edits.statement(kept)}`;
    }
    const { statement } = conversion;
    const next = statement.getNextSibling();
    // A multi-line function directly followed by another statement gets the blank line functions have.
    if (next && sourceFile.getLineAndColumnAtPos(next.getStart(true)).line === sourceFile.getLineAndColumnAtPos(statement.getEnd()).line + 1) text += newline;
    edits.replace(statement.getStart(), statement.getEnd(), text);
  }
  if (readsEnv && !declaresName(sourceFile, REQUIRE_ENV)) edits.append(requireEnvHelper(edits.style, edits.typescript));
}
