import type { FindingKind } from './compare.js';
import { where, type DoctorView, type FindingView } from './report-json.js';

const STATUS: Record<FindingKind, string> = {
  missing: 'missing',
  'near-miss': 'near miss',
  unverifiable: 'unverifiable',
  stale: 'stale',
};

/** The readable report: a table per deployable, then the files not checked, then a summary line. */
export function doctorText(view: DoctorView): string {
  const out: string[] = [];
  for (const item of view.deployables) {
    out.push(`${item.id}  ${where(item.manifest)}`);
    if (item.entry.files.length === 0) {
      out.push(`  not checked: ${item.entry.problem ?? 'no entrypoint found'}`);
      if (!item.entry.external) out.push(`  name its entrypoint with --entry ${item.name}=<file>`);
      out.push('');
      continue;
    }
    out.push(`  runs ${item.entry.files.join(', ')} (${item.entry.origin}); ${plural(item.modules, 'module')}, ${plural(item.checked, 'credential')} read`);
    for (const file of item.unparsed) out.push(`  error: ${file.file} does not parse, its env reads are unknown: ${file.message}`);
    if (item.findings.length === 0) out.push(item.checked === 0 ? '  no credential reads' : '  ok: every credential the code reads is injected');
    else out.push(...table(['status', 'credential', 'read at', 'manifest', ''], item.findings.map(row)).map((line) => `  ${line}`));
    out.push('');
  }
  const skipped = view.notChecked.filter((file) => file.severity === 'skipped');
  const broken = view.notChecked.filter((file) => file.severity === 'error');
  if (skipped.length > 0) out.push('Not checked:', ...skipped.map((file) => `  ${file.file}  ${file.reason}`), '');
  if (broken.length > 0) out.push('Errors:', ...broken.map((file) => `  ${file.file}${file.line ? `:${file.line}` : ''}  ${file.reason}`), '');
  out.push(summaryLine(view));
  return `${out.join('\n')}\n`;
}

function row(finding: FindingView): string[] {
  const name = finding.alternatives ? finding.alternatives.join(' or ') : finding.name;
  const read = finding.read ? `${where(finding.read)}${(finding.reads ?? 1) > 1 ? ` (+${(finding.reads ?? 1) - 1} more)` : ''}` : '-';
  return [STATUS[finding.kind], name, read, where(finding.manifest), note(finding)];
}

function note(finding: FindingView): string {
  const sdk = finding.readBy ? ` (${finding.readBy})` : '';
  switch (finding.kind) {
    case 'missing':
      return `not injected${sdk}${finding.declared ? `; declared in ${where(finding.declared)}` : ''}`;
    case 'near-miss':
      return `injects ${finding.injected ?? '?'} instead${sdk}`;
    case 'unverifiable':
      return `provided by ${(finding.sources ?? []).join(', ')}, not verifiable here${sdk}`;
    case 'stale':
      return 'injected, read by no code';
  }
}

function summaryLine(view: DoctorView): string {
  const { summary } = view;
  if (summary.deployables === 0) {
    return view.notChecked.length === 0
      ? 'No deployment manifests found (Kubernetes, docker-compose, serverless.yml, fly.toml, render.yaml).'
      : `No deployables found; ${plural(view.notChecked.length, 'file')} not checked.`;
  }
  const findings = [`${summary.missing} missing`, `${summary.nearMiss} near ${summary.nearMiss === 1 ? 'miss' : 'misses'}`, `${summary.unverifiable} unverifiable`, `${summary.stale} stale`];
  return `${plural(summary.deployables, 'deployable')}: ${summary.checked} checked, ${summary.notChecked} not checked; ${findings.join(', ')}; ${plural(summary.errors, 'error')}`;
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => (cells[column] ?? '').length)));
  return [header, ...rows].map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd());
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
