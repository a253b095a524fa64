/**
 * Secret redaction on the finished JSON line. pino's `redact` with wildcard paths (`*.password`,
 * `*.*[*].token`, …) clones and walks every top-level value of every line and still stops at a fixed
 * depth; here one regular expression scans the serialized line for a secret key at any depth and
 * only a line that has one is rewritten. pino writes keys as `{"key":` or `,"key":` (no spaces),
 * and a `"` inside a string value is always escaped, so a match is always a real key.
 */

/** Field names whose values never reach a log line, at any depth (headers included). */
export const SECRET_KEYS = [
  'password', 'token', 'secret', 'accessToken', 'refreshToken', 'apiKey', 'authorization', 'cookie',
  'databaseUrl', 'proxy-authorization', 'x-api-key', 'set-cookie',
] as const;

/** What a secret value is replaced with. */
export const CENSOR = '[redacted]';
const CENSOR_JSON = JSON.stringify(CENSOR);
const escape = (key: string): string => key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const SECRET_KEY = new RegExp(`[{,]"(?:${SECRET_KEYS.map(escape).join('|')})":`, 'g');

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN = new Set([123, 91]); // { [
const CLOSE = new Set([125, 93]); // } ]
const COMMA = 44;

/**
 * Finds where the JSON value starting at `start` ends.
 *
 * @param s - a JSON text.
 * @param start - index of the value's first character.
 * @returns the index just after the value (or the text's length when it is cut short).
 */
function endOfValue(s: string, start: number): number {
  const first = s.charCodeAt(start);
  if (first === QUOTE) {
    for (let i = start + 1; i < s.length; i += 1) {
      const c = s.charCodeAt(i);
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) return i + 1;
    }
    return s.length;
  }
  if (OPEN.has(first)) {
    let depth = 0;
    for (let i = start; i < s.length; ) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        i = endOfValue(s, i);
        continue;
      }
      if (OPEN.has(c)) depth += 1;
      else if (CLOSE.has(c) && --depth === 0) return i + 1;
      i += 1;
    }
    return s.length;
  }
  for (let i = start; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === COMMA || CLOSE.has(c)) return i;
  }
  return s.length;
}

/**
 * Replaces the value of every {@link SECRET_KEYS} key of a serialized pino line, at any depth, by
 * `"[redacted]"` (a secret object or array is replaced whole). Used as pino's `hooks.streamWrite`,
 * so it sees exactly what would be written, bindings and mixin fields included.
 *
 * @param line - one JSON log line as pino serialized it.
 * @returns the same string when it holds no secret key, else the redacted line.
 */
export function redactSecrets(line: string): string {
  SECRET_KEY.lastIndex = 0;
  let match = SECRET_KEY.exec(line);
  if (match === null) return line;
  let out = '';
  let copied = 0;
  while (match !== null) {
    const valueStart = match.index + match[0].length;
    out += line.slice(copied, valueStart) + CENSOR_JSON;
    copied = endOfValue(line, valueStart);
    SECRET_KEY.lastIndex = copied;
    match = SECRET_KEY.exec(line);
  }
  return out + line.slice(copied);
}
