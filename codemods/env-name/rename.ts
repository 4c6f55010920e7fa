import { Node } from 'ts-morph';
import { renamedNameText } from '../../src/analysis/env-rename.js';

/** The text that renames the read whose name `node` spells (the node at the rule's report). */
export function renameText(node: Node, newName: string): string {
  return renamedNameText(node.getText(), newName, shorthand(node));
}

/** `{ X } = process.env` and `import { X } from '$env/static/private'` keep `X` as the local name. */
function shorthand(node: Node): 'destructured' | 'import' | undefined {
  const parent = node.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) return 'destructured';
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === undefined) return 'destructured';
  if (Node.isImportSpecifier(parent) && parent.getAliasNode() === undefined) return 'import';
  return undefined;
}
