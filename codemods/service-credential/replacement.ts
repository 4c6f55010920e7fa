import { Node } from 'ts-morph';
import { quoted, type CodeStyle } from '../../src/codemod/code-style.js';
import { REQUIRE_ENV } from '../../src/codemod/require-env.js';
import { unwrapExpression } from '../../src/codemod/ts-nodes.js';
import type { TextEdit } from '../../src/codemod/text-edits.js';

/**
 * The edit that puts the service credential where the forwarded value was: the value of
 * `apiKey: …` (a shorthand `{ apiKey }` gets a value), an argument, or an assignment's right side.
 * An Authorization header keeps its scheme: `` `Bearer ${requireEnv("X")}` ``.
 */
export function serviceCredentialEdit(reported: Node, credential: string, envVar: string, style: CodeStyle): TextEdit | undefined {
  const read = `${REQUIRE_ENV}(${quoted(envVar, style)})`;
  if (Node.isShorthandPropertyAssignment(reported)) {
    return { start: reported.getStart(), end: reported.getEnd(), text: `${reported.getName()}: ${read}` };
  }
  const value = Node.isPropertyAssignment(reported) ? reported.getInitializer() : Node.isBinaryExpression(reported) ? reported.getRight() : reported;
  if (!value || !Node.isExpression(value)) return undefined;
  const text = /^(proxy-)?authorization$/i.test(credential) ? `\`${scheme(value)} \${${read}}\`` : read;
  return { start: value.getStart(), end: value.getEnd(), text };
}

/** `token` in `` `token ${t}` `` (GitHub's scheme); `Bearer` otherwise. */
function scheme(value: Node): string {
  const template = unwrapExpression(value);
  const head = Node.isTemplateExpression(template) ? template.getHead().getLiteralText() : '';
  return /^([A-Za-z]+) $/.exec(head)?.[1] ?? 'Bearer';
}
