// Environment files (jenkins/env/*.env.example): one KEY=value a line, kept outside git. Values
// may name secrets Jenkins injects from credentials as ${NAME} (or ${NAME:-default}), so the file
// itself can hold none. Pure functions: unit-tested in backend/src/delivery/jenkins-lib.test.ts.

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class EnvFileError extends Error {}

/**
 * Replaces ${NAME} and ${NAME:-default}; an unset NAME without a default is an error, or (lenient:
 * for tools that need no secret, such as stopping services) the empty string.
 */
export function interpolate(value, lookup, where, lenient = false) {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}/g, (_, name, dflt, fallback) => {
    const v = lookup(name);
    if (v !== undefined && v !== '') return v;
    if (dflt !== undefined) return fallback;
    if (lenient) return '';
    throw new EnvFileError(`${where}: \${${name}} is not set`);
  });
}

/**
 * Parses an environment file. `vars` supplies ${NAME} values (Jenkins credentials); keys defined
 * earlier in the file may be named too. Single quotes are literal; double quotes take \n \" \\.
 * Returns the entries in file order.
 */
export function parseEnvFile(
  text,
  vars = {},
  source = 'environment file',
  { lenient = false } = {},
) {
  const out = {};
  const lookup = (name) => (Object.hasOwn(out, name) ? out[name] : vars[name]);
  text.split(/\r?\n/).forEach((raw, i) => {
    const where = `${source}:${i + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new EnvFileError(`${where}: expected KEY=value`);
    const [, key, rest] = m;
    if (!KEY.test(key)) throw new EnvFileError(`${where}: ${key} is not a valid variable name`);
    if (Object.hasOwn(out, key)) throw new EnvFileError(`${where}: ${key} is set twice`);
    let value;
    if (rest.startsWith("'")) {
      const end = rest.indexOf("'", 1);
      if (end < 0) throw new EnvFileError(`${where}: unterminated ' quote`);
      assertOnlyComment(rest.slice(end + 1), where);
      value = rest.slice(1, end);
    } else if (rest.startsWith('"')) {
      let j = 1;
      let s = '';
      for (; j < rest.length && rest[j] !== '"'; j++) {
        if (rest[j] === '\\' && j + 1 < rest.length) {
          const c = rest[++j];
          s += c === 'n' ? '\n' : c;
        } else s += rest[j];
      }
      if (j >= rest.length) throw new EnvFileError(`${where}: unterminated " quote`);
      assertOnlyComment(rest.slice(j + 1), where);
      value = interpolate(s, lookup, `${where} ${key}`, lenient);
    } else {
      // An unquoted value ends at " #" (a comment); a # inside a word belongs to the value.
      value = interpolate(rest.replace(/\s+#.*$/, '').trim(), lookup, `${where} ${key}`, lenient);
    }
    out[key] = value;
  });
  return out;
}

function assertOnlyComment(tail, where) {
  if (tail.trim() !== '' && !tail.trim().startsWith('#'))
    throw new EnvFileError(`${where}: text after the closing quote`);
}

/** Variables for the deployment tools, never handed to the application. */
export const isToolVariable = (key) =>
  key.startsWith('DEPLOY_') || key.startsWith('SMOKE_') || key === 'MIGRATION_DATABASE_URL';

/** Splits parsed entries into the application's configuration and the tools' settings. */
export function splitEnv(entries) {
  const app = {};
  const tools = {};
  for (const [k, v] of Object.entries(entries)) (isToolVariable(k) ? tools : app)[k] = v;
  return { app, tools };
}

/**
 * Writes entries so that both systemd's EnvironmentFile= and parseEnvFile read them back
 * unchanged: plain words as they are, anything else in single quotes (literal in both).
 */
export function serializeEnv(entries, header = '') {
  const lines = header ? header.split('\n').map((l) => `# ${l}`) : [];
  for (const [k, v] of Object.entries(entries)) {
    if (!KEY.test(k)) throw new EnvFileError(`${k} is not a valid variable name`);
    const s = String(v);
    if (/[\n\r]/.test(s)) throw new EnvFileError(`${k}: a value cannot span lines`);
    if (/^[A-Za-z0-9_.,:/@%+=-]*$/.test(s)) lines.push(`${k}=${s}`);
    else if (!s.includes("'")) lines.push(`${k}='${s}'`);
    else
      throw new EnvFileError(`${k}: a value with ' and other special characters is not supported`);
  }
  return `${lines.join('\n')}\n`;
}
