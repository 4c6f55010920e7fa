import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';

/** One YAML document as plain data, with a way back to the line each value is written on. */
export interface YamlDocument {
  value: unknown;
  /** 1-based line of the value at `path` (keys and indexes); the nearest written ancestor when merged or aliased away. */
  lineAt(path: readonly (string | number)[]): number;
}

export type YamlParse = { documents: YamlDocument[] } | { error: { line: number; message: string } };

/**
 * Every document of a (multi-document) YAML file, merge keys (`<<: *defaults`) resolved. A syntax
 * error gives its line and the parser's message only: the parser's code frame could show a secret.
 */
export function parseYaml(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false });
  const all = Array.isArray(parsed) ? parsed : [];
  for (const document of all) {
    const error = document.errors[0];
    if (error) return { error: { line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? error.code } };
  }
  return {
    documents: all.map((document) => ({
      value: document.toJS({ maxAliasCount: 1000 }) as unknown,
      lineAt: (path) => lineCounter.linePos(offsetAt(document, path)).line,
    })),
  };
}

/** Start offset of the node at `path`, following aliases and merge keys; stops at the last node found. */
function offsetAt(document: Document, path: readonly (string | number)[]): number {
  let node: Node | null | undefined = document.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    const next = child(document, node, segment);
    if (!next) break;
    node = next;
    offset = node.range?.[0] ?? offset;
  }
  return offset;
}

function child(document: Document, parent: Node | null | undefined, segment: string | number): Node | undefined {
  const node = isAlias(parent) ? (parent.resolve(document) as Node | undefined) : parent;
  if (isSeq(node) && typeof segment === 'number') return node.items[segment] as Node | undefined;
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (String(key) === String(segment)) return (pair.value ?? pair.key) as Node;
  }
  // A merged key lives in the mapping the `<<` alias points to.
  for (const pair of node.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const found = child(document, source as Node, segment);
      if (found) return found;
    }
  }
  return undefined;
}
