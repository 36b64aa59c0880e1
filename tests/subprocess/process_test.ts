// Process lifetime: `await using` kills and reaps, cancelling a wait leaves
// the child running, and nothing is left behind (no zombie child in /proc,
// no open pipe; Deno's resource sanitizers check the same).
import {
  CancelledError,
  createSubprocessExec,
  createTask,
  PIPE,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";
import { alive, eventually, openPipes, text, zombieChildren } from "./_helpers.ts";

test("Process with await using kills a child still running at scope exit and reaps it", async () => {
  const pipesBefore = openPipes();
  let pid = 0;
  let proc: Awaited<ReturnType<typeof createSubprocessExec>> | null = null;
  await run(async () => {
    await using p = await createSubprocessExec("sleep", "30", {
      stdin: PIPE,
      stdout: PIPE,
      stderr: PIPE,
    });
    pid = p.pid;
    proc = p;
    assert.equal(p.returncode, null);
  });
  assert.equal(proc!.returncode, -9);
  assert.equal(alive(pid), false);
  assert.deepEqual(zombieChildren(), []);
  assert.ok(
    await eventually(() => openPipes() <= pipesBefore),
    `pipes left open: ${openPipes()} > ${pipesBefore}`,
  );
});

test("Process with await using does not wait for a grandchild that holds a pipe", async () => {
  await run(async () => {
    let pid = 0;
    {
      // the background sleep keeps stdout open after sh is killed
      await using p = await createSubprocessExec("sh", "-c", "sleep 8 & echo go; exec sleep 30", {
        stdout: PIPE,
      });
      pid = p.pid;
      assert.equal(text(await p.stdout!.readLine()), "go\n");
    }
    assert.equal(alive(pid), false);
  });
  assert.deepEqual(zombieChildren(), []);
});

test("Process with await using leaves a finished child's code alone", async () => {
  await run(async () => {
    let saved: { returncode: number | null } | null = null;
    {
      await using p = await createSubprocessExec("sh", "-c", "exit 4");
      await p.wait();
      saved = p;
    }
    assert.equal(saved!.returncode, 4);
  });
});

test("Process.wait() cancelled leaves the child running", async () => {
  await run(async () => {
    await using proc = await createSubprocessExec("sh", "-c", "read line; exit 5", { stdin: PIPE });
    const waiting = createTask(() => proc.wait());
    await sleep(0.01);
    waiting.cancel();
    const err = await waiting.then(() => null, (e) => e);
    assert.ok(err instanceof CancelledError);
    assert.equal(proc.returncode, null);
    assert.equal(alive(proc.pid), true);
    proc.stdin!.write("go\n");
    assert.equal(await proc.wait(), 5);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_cancel_process_wait
});

test("Process.communicate() cancelled by a timeout leaves the child running", async () => {
  await run(async () => {
    await using proc = await createSubprocessExec("sleep", "30", { stdout: PIPE });
    const err = await waitFor(proc.communicate(), 0.05).then(() => null, (e) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(proc.returncode, null);
    assert.equal(alive(proc.pid), true);
    proc.kill();
    assert.equal(await proc.wait(), -9);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_cancel_communicate (the child survives)
});

test("Process: many children run and finish with no zombie and no open pipe", async () => {
  const pipesBefore = openPipes();
  await run(async () => {
    const procs = await Promise.all(
      Array.from(
        { length: 20 },
        (_, i) =>
          createSubprocessExec("sh", "-c", `echo ${i}; echo e${i} >&2`, {
            stdout: PIPE,
            stderr: PIPE,
          }),
      ),
    );
    const outs = await Promise.all(procs.map((p) => p.communicate()));
    outs.forEach(([o, e], i) => {
      assert.equal(text(o), `${i}\n`);
      assert.equal(text(e), `e${i}\n`);
    });
  });
  assert.deepEqual(zombieChildren(), []);
  assert.ok(
    await eventually(() => openPipes() <= pipesBefore),
    `pipes left open: ${openPipes()} > ${pipesBefore}`,
  );
});

test("Process.stdout keeps what the child wrote before it exited", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "echo one; echo two", { stdout: PIPE });
    assert.equal(await proc.wait(), 0);
    assert.equal(text(await proc.stdout!.read()), "one\ntwo\n");
  });
  // cpython: test_subprocess.py SubprocessMixin.test_read_stdout_after_process_exit
});

test("createSubprocessExec() aborted by its signal rejects and leaves no child", async () => {
  await run(async () => {
    const abort = new AbortController();
    abort.abort(new Error("stop"));
    const err = await createSubprocessExec("sleep", "30", { signal: abort.signal }).catch((e) => e);
    assert.equal(err.message, "stop");
  });
  assert.deepEqual(zombieChildren(), []);
});

test("createSubprocessExec() many at once in one task: all run, and no listener warning", async () => {
  // Node warns (MaxListenersExceededWarning) past ten listeners on one
  // AbortSignal: a spawn must not leave one on the scope's signal.
  type Listen = (event: string, cb: (w: Error) => void) => unknown;
  const proc = (globalThis as { process?: { on?: Listen; off?: Listen } }).process;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  proc?.on?.("warning", onWarning);
  try {
    await run(async () => {
      const codes = await Promise.all(
        Array.from({ length: 16 }, async () => (await createSubprocessExec("true")).wait()),
      );
      assert.deepEqual(codes, Array(16).fill(0));
      await sleep(0.01); // warnings are emitted on a later tick
    });
  } finally {
    proc?.off?.("warning", onWarning);
  }
  assert.deepEqual(warnings, []);
  assert.deepEqual(zombieChildren(), []);
});
