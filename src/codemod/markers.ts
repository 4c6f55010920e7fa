/**
 * Marker comments: where a codemod could not rewrite a spot, it leaves one line saying what to do,
 * so the follow-up is visible in the code as well as in the report. A marked spot is skipped on
 * the next run, which keeps codemods idempotent.
 */
export function markerComment(codemod: string, message: string): string {
  return `// scale-auth(${codemod}): ${message}`;
}

/** True when `leadingText` (the comments above a statement) holds this codemod's marker. */
export function hasMarker(leadingText: string, codemod: string): boolean {
  return leadingText.includes(`// scale-auth(${codemod}):`);
}

export interface Marker {
  line: number;
  codemod: string;
  message: string;
}

const MARKER_LINE = /\/\/ scale-auth\(([\w-]+)\): (.*)$/;

/** Every marker in `text`, whoever left it and when: the follow-ups are what is in the code. */
export function markersIn(text: string): Marker[] {
  const found: Marker[] = [];
  text.split('\n').forEach((line, index) => {
    const match = MARKER_LINE.exec(line.trimEnd());
    if (match) found.push({ line: index + 1, codemod: match[1] ?? '', message: match[2] ?? '' });
  });
  return found;
}
