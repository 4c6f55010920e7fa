import { Node, type ExportAssignment, type Identifier } from 'ts-morph';
import { bindingUses } from '../../src/codemod/binding-uses.js';
import type { FileEdits } from '../../src/codemod/file-edits.js';
import type { Dependency } from './factory-text.js';

/** A binding whose reads should each get a value from `factory`, made where they run. */
export interface Rebinding {
  /** The declaration's name, or the local name of an import. */
  nameNode: Identifier;
  /** The factory's name in this file. */
  factory: string;
  isAsync: boolean;
}

export interface RebindResult {
  /** Reads evaluated at load time (or in sync functions, of an async factory): they keep a load-time value. */
  loadTimeReads: number;
  /** `export { client }` and `export { client as llm }`. */
  exportSpecifiers: Identifier[];
  /** `export default client`. */
  defaultExports: ExportAssignment[];
}

/**
 * Rewrites the reads of a binding: each function that reads it starts with
 * `const client = createClient();`, `typeof client` becomes `ReturnType<typeof createClient>`, and
 * reads inside another converted initializer (a host) become that factory's dependency.
 */
export function rebind(edits: FileEdits, binding: Rebinding, hosts: ReadonlyMap<Node, Dependency[]>): RebindResult {
  const uses = bindingUses(edits.sourceFile, binding.nameNode);
  const local = binding.nameNode.getText();
  const dependency: Dependency = { local, factory: binding.factory, isAsync: binding.isAsync };
  const result: RebindResult = { loadTimeReads: uses.writes.length, exportSpecifiers: uses.exportSpecifiers, defaultExports: [] };

  const hostOf = (read: Node): Dependency[] | undefined => {
    for (const [statement, dependencies] of hosts) if (statement.getStart() <= read.getStart() && read.getEnd() <= statement.getEnd()) return dependencies;
    return undefined;
  };
  const dependOn = (dependencies: Dependency[]): void => {
    if (!dependencies.some((existing) => existing.local === local)) dependencies.push(dependency);
  };

  for (const [fn, reads] of uses.byFunction) {
    const host = hostOf(fn);
    if (host) dependOn(host);
    else if (binding.isAsync && !(Node.isAsyncable(fn) && fn.isAsync())) result.loadTimeReads += reads.length;
    else edits.prepend(fn, edits.statement(`const ${local} = ${binding.isAsync ? 'await ' : ''}${binding.factory}()`));
  }
  for (const read of uses.moduleScope) {
    const host = hostOf(read);
    const parent = read.getParent();
    if (host) dependOn(host);
    else if (Node.isExportAssignment(parent) && !parent.isExportEquals()) result.defaultExports.push(parent);
    else result.loadTimeReads += 1;
  }
  for (const read of uses.typeQueries) {
    const query = read.getParent();
    if (!Node.isTypeQuery(query)) continue;
    const returned = `ReturnType<typeof ${binding.factory}>`;
    edits.replace(query.getStart(), query.getEnd(), binding.isAsync ? `Awaited<${returned}>` : returned);
  }
  return result;
}
