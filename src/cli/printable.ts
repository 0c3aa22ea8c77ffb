/**
 * File names as they may be printed: a name can hold control characters (a newline, an escape
 * sequence that recolours or clears the terminal, a right-to-left override that reorders what
 * is shown). Those are written as visible escapes (`\n`, `\x1b`, `\u202e`) on the console and in
 * the report workbook, whose XML cannot hold most of them anyway. Backslashes are left as they
 * are: they separate folders on Windows.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    if (NAMED[c]) return NAMED[c];
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
