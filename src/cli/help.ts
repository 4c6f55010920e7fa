import { FORMATS } from './args.js';

export const MAIN_HELP = `Usage: scale-auth <command> [options]

Find and fix "authentication failed when scaling" bugs in LLM and agent apps.

Commands:
  check [paths...]     lint with the plugin's recommended rules (no ESLint config needed)
  migrate [paths...]   rewrite the code with the codemods paired with those rules

Options:
  -h, --help           show help (also: scale-auth <command> --help)
  -v, --version        show the version

Exit codes: 0 clean, 1 findings or per-file errors, 2 usage errors.
Docs: docs/cli.md
`;

export const CHECK_HELP = `Usage: scale-auth check [paths...] [options]

Lints JS/TS files (default: the current folder) with the plugin's recommended config, whatever
ESLint config the project has or lacks. Skips node_modules, dist, build, .git and coverage.

Options:
  -f, --format <name>    output: ${FORMATS.join(', ')} (default: stylish)
      --max-warnings <n> tolerate up to n warnings (default: none)
  -h, --help             show this help

Exit codes: 0 no findings, 1 findings or files that do not parse, 2 usage errors.
`;

export const migrateHelp = (codemods: readonly string[]): string => `Usage: scale-auth migrate [paths...] [options]

Runs the codemods on JS/TS files (default: the current folder) and writes the changed files
atomically. Refuses to write into a git work tree with uncommitted changes unless --force.

Options:
      --dry              print a unified diff of each change, write nothing
      --force            write even when the git work tree has uncommitted changes
      --codemod <name>   run only this codemod (repeatable; default: all)
                         known: ${codemods.join(', ')}
      --option <n=v>     an option for the codemods (repeatable), e.g. serviceEnv=ACME_API_KEY
      --json <file>      also write a machine-readable report to <file>
  -h, --help             show this help

Exit codes: 0 all done, 1 files with errors or follow-ups left to do, 2 usage errors.
`;
