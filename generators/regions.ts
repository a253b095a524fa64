/**
 * Hand-written regions: the few places in generated files where a developer writes code the
 * generator must not own (a use case's business rule, its tests, the imports they need). A
 * template declares one as a pair of lines (editors fold them as regions):
 *
 *     // #region hand-written <id> (optional words)
 *     …default body, replaced by hand…
 *     // #endregion hand-written <id>
 *
 * Regeneration keeps what is between the lines ({@link keepHandWritten}); everything outside them
 * stays byte for byte generator output, and `destroy` still refuses a file whose regions were
 * edited (unless `--force`), so hand-written code is never deleted silently.
 */

const BEGIN = /^\s*\/\/ #region hand-written (\S+)(?:\s.*)?$/;
const END = /^\s*\/\/ #endregion hand-written (\S+)(?:\s.*)?$/;

/** One region: its id and the lines strictly between its two marker lines. */
interface Region {
  id: string;
  /** Index of the `#region` line. */
  begin: number;
  /** Index of the `#endregion` line. */
  end: number;
}

/**
 * Finds the hand-written regions of a file.
 *
 * @param lines - the file's lines.
 * @returns the regions in file order; a region without its end line is ignored.
 */
function regionsOf(lines: string[]): Region[] {
  const found: Region[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const id = BEGIN.exec(lines[i] as string)?.[1];
    if (id === undefined) continue;
    const end = lines.findIndex((line, j) => j > i && END.exec(line)?.[1] === id);
    if (end < 0) continue;
    found.push({ id, begin: i, end });
    i = end;
  }
  return found;
}

/**
 * The hand-written content of each region of a file.
 *
 * @param text - the file's content.
 * @returns region id → the lines between its markers.
 */
export function handWrittenRegions(text: string): Map<string, string[]> {
  const lines = text.split('\n');
  return new Map(regionsOf(lines).map((r) => [r.id, lines.slice(r.begin + 1, r.end)]));
}

/**
 * A fresh rendering with the hand-written regions of the current file carried over: each region of
 * `fresh` whose id is also a region of `current` takes `current`'s lines. Regions only `current`
 * holds are dropped (the template no longer declares them), regions only `fresh` holds keep their
 * default.
 *
 * @param fresh - what the generator renders now.
 * @param current - the file as it is, or `undefined` when there is none.
 * @returns the content to write (equal to `current` when only regions were edited by hand).
 */
export function keepHandWritten(fresh: string, current: string | undefined): string {
  if (current === undefined) return fresh;
  const kept = handWrittenRegions(current);
  if (kept.size === 0) return fresh;
  const lines = fresh.split('\n');
  const out: string[] = [];
  let from = 0;
  for (const region of regionsOf(lines)) {
    out.push(...lines.slice(from, region.begin + 1));
    const body = kept.get(region.id);
    out.push(...(body ?? lines.slice(region.begin + 1, region.end)));
    from = region.end;
  }
  out.push(...lines.slice(from));
  return out.join('\n');
}
