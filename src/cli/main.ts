import { PLUGIN_VERSION } from '../package-info.js';
import { parseCheckArgs, parseDoctorArgs, parseMigrateArgs } from './args.js';
import { CHECK_HELP, DOCTOR_HELP, MAIN_HELP, migrateHelp } from './help.js';
import { UsageError } from './usage-error.js';

/** Runs `scale-auth` with the arguments after the program name; resolves to the exit code. */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  try {
    return await run(argv, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const hint = error.command === undefined ? '' : `\nRun '${['scale-auth', error.command, '--help'].filter(Boolean).join(' ')}' for usage.`;
    process.stderr.write(`scale-auth: ${error.message}${hint}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], cwd: string): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(MAIN_HELP);
      return 0;
    case '-v':
    case '--version':
      process.stdout.write(`${PLUGIN_VERSION}\n`);
      return 0;
    case 'check': {
      const args = parseCheckArgs(rest);
      if (args.help) return help(CHECK_HELP);
      // Commands load ESLint and ts-morph only when they run, so help and version answer at once.
      const { check } = await import('./check.js');
      return check(args, cwd);
    }
    case 'migrate': {
      const args = parseMigrateArgs(rest);
      const { migrateCommand, codemodNames } = await import('./migrate.js');
      if (args.help) return help(migrateHelp(codemodNames));
      return await migrateCommand(args, cwd);
    }
    case 'doctor': {
      const args = parseDoctorArgs(rest);
      if (args.help) return help(DOCTOR_HELP);
      const { doctorCommand } = await import('./doctor.js');
      return doctorCommand(args, cwd);
    }
    case undefined:
      process.stderr.write(MAIN_HELP);
      return 2;
    default:
      throw new UsageError(`unknown command '${command}' (commands: check, migrate, doctor)`, '');
  }
}

function help(text: string): number {
  process.stdout.write(text);
  return 0;
}
