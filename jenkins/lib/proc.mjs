// Running commands and printing the step log the Jenkins console (and the rehearsal) shows.
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';

let prefix = '';
/** Every line this process logs starts with `[tool env]`. */
export function setLogPrefix(p) {
  prefix = p;
}

const stamp = () => new Date().toISOString().slice(11, 19);
export function log(message) {
  process.stderr.write(`${stamp()} ${prefix ? `[${prefix}] ` : ''}${message}\n`);
}

export class CommandError extends Error {
  constructor(message, result) {
    super(message);
    this.result = result;
  }
}

/**
 * Runs a command without a shell. Output is captured (and returned) unless `inherit`; a non-zero
 * exit throws CommandError with the last lines of stderr, unless `allowFail`.
 */
export function run(cmd, args, opts = {}) {
  const { env, cwd, input, inherit = false, allowFail = false, timeoutMs } = opts;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: env ?? process.env,
      stdio: [
        input === undefined ? 'ignore' : 'pipe',
        inherit ? 'inherit' : 'pipe',
        inherit ? 'inherit' : 'pipe',
      ],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGTERM'), timeoutMs) : undefined;
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new CommandError(`${cmd}: ${err.message}`, { code: -1, stdout, stderr }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? -1, signal, stdout, stderr };
      if (code === 0 || allowFail) return resolve(result);
      const tail = stderr.trim().split('\n').slice(-8).join('\n');
      reject(
        new CommandError(
          `${cmd} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})${tail ? `:\n${tail}` : ''}`,
          result,
        ),
      );
    });
  });
}

/** Runs `main`; prints the error and exits 1 when it throws, with its exit code otherwise. */
export function runMain(main) {
  main().then(
    (code) => process.exit(code ?? 0),
    (err) => {
      log(`FAILED: ${err.message}`);
      process.exit(1);
    },
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
