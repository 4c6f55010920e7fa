/** `@aws-sdk/client-*` matches `@aws-sdk/client-s3`; a pattern without `*` matches itself only. */
export function matchesModulePattern(pattern: string, moduleName: string): boolean {
  return pattern.endsWith('*') ? moduleName.startsWith(pattern.slice(0, -1)) : pattern === moduleName;
}
