/**
 * The text that renames a read, written over the node that spells the name (`EnvRead.nameNode`):
 * a quoted name keeps its quotes; a shorthand destructuring or SvelteKit import keeps its local
 * binding (`{ OPENAI_API_KEY: OPENAI_APIKEY }`, `import { OPENAI_API_KEY as OPENAI_APIKEY }`), so no
 * other line has to change. Shared by the rule's suggestion and the env-name codemod.
 */
export function renamedNameText(nameText: string, newName: string, shorthand: 'destructured' | 'import' | undefined): string {
  const quote = nameText[0];
  if (quote === '"' || quote === "'" || quote === '`') return `${quote}${newName}${quote}`;
  if (shorthand === 'destructured') return `${newName}: ${nameText}`;
  if (shorthand === 'import') return `${newName} as ${nameText}`;
  return newName;
}
