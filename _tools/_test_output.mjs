// How the gate reads the test runners' outputs: Deno's, Bun's and Node's
// (TAP) closing counts, and the names of the tests that failed.

/** Parses a runner's closing counts; null when the runner printed none. */
const PARSERS = {
  deno(out) {
    const all = [
      ...out.matchAll(/^(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/gm),
    ];
    const m = all.at(-1);
    return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
  },
  bun(out) {
    const pass = /^\s*(\d+) pass\s*$/m.exec(out);
    const fail = /^\s*(\d+) fail\s*$/m.exec(out);
    return pass || fail ? { passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0) } : null;
  },
  node(out) {
    const n = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, "m").exec(out)?.[1] ?? 0);
    if (!/^# pass \d+$/m.test(out)) return null;
    return { passed: n("pass"), failed: n("fail") + n("cancelled") };
  },
};

/**
 * The names of the failed tests in a runner's output, with the first line of
 * each one's error where the format gives it: the closing summary repeats
 * them, so the tail of a CI log says which test failed, not only how many.
 */
const FAILURE_NAMES = {
  deno(out) {
    // Deno's closing "FAILURES" block: one `name => file:line:col` per test.
    const block = out.split(/^\s*FAILURES\s*$/m)[1] ?? "";
    return [...block.matchAll(/^(.+?) => \S+$/gm)].map((m) => m[1].trim());
  },
  bun(out) {
    return [...out.matchAll(/^\(fail\) (.+?)(?: \[[\d.]+m?s\])?$/gm)].map((m) => m[1].trim());
  },
  node(out) {
    const names = [];
    const lines = out.split("\n");
    for (const [i, line] of lines.entries()) {
      const m = /^(\s*)not ok \d+ - (.*)$/.exec(line);
      if (!m) continue;
      // The YAML block under it: `error: 'text'` or `error: |-` then the text.
      let error = "";
      for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
        const e = /^\s*error: (.*)$/.exec(lines[j]);
        if (!e) continue;
        error = /^[|>]-?$/.test(e[1]) ? (lines[j + 1] ?? "").trim() : e[1];
        break;
      }
      names.push(error ? `${m[2]}: ${error}` : m[2]);
    }
    return names;
  },
};

/** A runner's closing counts (`node` for Node 20/24 and the dedicated suites); null when it printed none. */
export function countsOf(runtime, output) {
  return (PARSERS[runtime] ?? PARSERS.node)(output);
}

/** The names of the failed tests in a runner's output (ANSI codes removed). */
export function failedNames(runtime, output) {
  return (FAILURE_NAMES[runtime] ?? FAILURE_NAMES.node)(output);
}
