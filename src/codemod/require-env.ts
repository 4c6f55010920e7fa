import type { CodeStyle } from './code-style.js';

export const REQUIRE_ENV = 'requireEnv';

/**
 * The fail-fast reader generated into files that had none: it names the missing variable and
 * never its value. Projects with their own helper can list it in settings (`envHelpers`).
 * `exported` for the helper module the require-env codemod creates.
 */
export function requireEnvHelper(style: CodeStyle, typescript: boolean, exported = false): string {
  const { indent, newline } = style;
  const semicolon = style.semicolons ? ';' : '';
  const signature = typescript ? 'name: string): string' : 'name)';
  return [
    '/** Reads a credential when it is needed, and fails fast, naming the variable, when it is missing. */',
    `${exported ? 'export ' : ''}function ${REQUIRE_ENV}(${signature} {`,
    `${indent}const value = process.env[name]${semicolon}`,
    `${indent}if (!value) throw new Error(\`\${name} is not set: every process that makes this call needs it\`)${semicolon}`,
    `${indent}return value${semicolon}`,
    '}',
  ].join(newline);
}
