import { parseArgs } from 'node:util';
import { CLASSIFICATION, type ColumnRule } from './classification';
import { assertTargetUrlNotProd, RefusedError, writeMarker } from './guard';
import { pseudonymKey, PseudonymKeyError } from './keyed';
import { refreshTestFromProd, verifyTarget, VerificationError } from './refresh';
import { describeFindings, UnclassifiedColumnsError } from './scan';

// jenkins/refresh-test-from-prod → node backend/dist/pseudonymise/refresh-cli.js (docs/operations.md,
// "Refreshing TEST from PROD"). Exit codes: 0 done, 1 PROD data found, 2 refused, 64 usage, 70 failed.

export const USAGE = `Usage:
  refresh-test-from-prod refresh --backup FILE [--target URL] [--scratch-server URL] [--no-keep-test-users]
  refresh-test-from-prod verify (--source URL | --backup FILE) [--target URL] [--scratch-server URL]
  refresh-test-from-prod mark --env test|prod [--target URL]
  refresh-test-from-prod classification
The target defaults to $TARGET_DATABASE_URL; refresh reads the key from $PSEUDONYM_KEY.`;

const log = (line: string) => process.stdout.write(`refresh-test-from-prod: ${line}\n`);

/** The classification as a Markdown table, one line per table (docs/pseudonymisation.md). */
export function classificationMarkdown(): string {
  const lines = [
    '| table | rows | kept | pseudonymised | replaced | cleared | recomputed |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [table, rule] of Object.entries(CLASSIFICATION)) {
    const cols = Object.entries(rule.columns);
    const list = (treatment: string, show: (c: ColumnRule) => string = () => '') =>
      cols
        .filter(([, c]) => c.treatment === treatment)
        .map(([name, c]) => `\`${name}\`${show(c)}`)
        .join(', ');
    const how = (c: ColumnRule) => (c.how ? ` (${c.how}${c.spouse ? ', spouse' : ''})` : '');
    const rows = { keep: 'kept', drop: 'deleted', rebuild: 'rebuilt' }[rule.rows];
    if (rule.rows !== 'keep') {
      lines.push(`| \`${table}\` | ${rows}: ${rule.why} | | | | | |`);
      continue;
    }
    lines.push(
      `| \`${table}\` | ${rows} | ${list('keep')} | ${list('pseudonymise', how)} | ${list('replace', how)} | ${list('clear', (c) => ` → ${String(c.to ?? null)}`)} | ${list('recompute')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        backup: { type: 'string' },
        target: { type: 'string' },
        source: { type: 'string' },
        'scratch-server': { type: 'string' },
        'no-keep-test-users': { type: 'boolean' },
        env: { type: 'string' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 64;
  }
  const target = (values.target as string | undefined) ?? env.TARGET_DATABASE_URL;
  const need = (ok: unknown, what: string) => {
    if (!ok) throw new UsageError(what);
  };
  try {
    switch (command) {
      case 'classification':
        process.stdout.write(classificationMarkdown());
        return 0;
      case 'mark': {
        need(target, 'mark needs --target URL (or TARGET_DATABASE_URL)');
        need(
          ['dev', 'test', 'prod'].includes(String(values.env)),
          'mark needs --env dev|test|prod',
        );
        // Marking a database prod is always allowed; marking it test must not unmark a PROD one.
        if (values.env !== 'prod') assertTargetUrlNotProd(target!);
        await writeMarker(target!, values.env as 'dev' | 'test' | 'prod');
        log(`marked ${values.env as string}`);
        return 0;
      }
      case 'refresh': {
        need(values.backup, 'refresh needs --backup FILE');
        need(target, 'refresh needs --target URL (or TARGET_DATABASE_URL)');
        const key = pseudonymKey(env.PSEUDONYM_KEY);
        await refreshTestFromProd({
          backup: values.backup as string,
          target: target!,
          scratchServer: values['scratch-server'] as string | undefined,
          key,
          keepTargetUsers: !values['no-keep-test-users'],
          env,
          log,
        });
        log('done: TEST holds a pseudonymised copy of PROD');
        return 0;
      }
      case 'verify': {
        need(target, 'verify needs --target URL (or TARGET_DATABASE_URL)');
        need(values.source || values.backup, 'verify needs --source URL or --backup FILE');
        const report = await verifyTarget({
          target: target!,
          source: values.source as string | undefined,
          backup: values.backup as string | undefined,
          scratchServer: values['scratch-server'] as string | undefined,
          env,
          log,
        });
        if (report.findings.length > 0) {
          log(`PROD personal data found in the target:\n${describeFindings(report).join('\n')}`);
          return 1;
        }
        log(
          `checked ${report.rows} rows in ${report.tables} tables: no PROD personal code, name, e-mail or phone`,
        );
        return 0;
      }
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'no command');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 64;
    }
    if (
      err instanceof RefusedError ||
      err instanceof PseudonymKeyError ||
      err instanceof UnclassifiedColumnsError
    ) {
      process.stderr.write(`refresh-test-from-prod: refused: ${(err as Error).message}\n`);
      return 2;
    }
    if (err instanceof VerificationError) {
      process.stderr.write(`refresh-test-from-prod: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`refresh-test-from-prod: failed: ${(err as Error).message}\n`);
    return 70;
  }
}

class UsageError extends Error {}

if (require.main === module) {
  void main(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
