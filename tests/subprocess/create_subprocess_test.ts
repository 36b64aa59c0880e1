// createSubprocessExec / createSubprocessShell and Process with real child
// processes (sh, cat, printf, sleep): stdio modes, return codes, communicate,
// cwd and env, signals, exec without a shell, faults and bad input.
import {
  BrokenPipeError,
  ConnectionResetError,
  createSubprocessExec,
  createSubprocessShell,
  createTask,
  DEVNULL,
  FileNotFoundError,
  gather,
  PermissionError,
  PIPE,
  ProcessLookupError,
  run,
  STDOUT,
  ValueError,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";
import { text, zombieChildren } from "./_helpers.ts";

test("createSubprocessExec() with PIPE for all three streams gives a writer and two readers", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "cat; echo err >&2", {
      stdin: PIPE,
      stdout: PIPE,
      stderr: PIPE,
    });
    assert.ok(proc.stdin !== null && proc.stdout !== null && proc.stderr !== null);
    const [out, err] = await proc.communicate("in");
    assert.equal(text(out), "in");
    assert.equal(text(err), "err\n");
    assert.equal(proc.returncode, 0);
  });
});

test("createSubprocessExec() streams are null unless piped; communicate() gives null for them", async () => {
  await run(async () => {
    const inherit = await createSubprocessExec("true");
    assert.equal(inherit.stdin, null);
    assert.equal(inherit.stdout, null);
    assert.equal(inherit.stderr, null);
    assert.deepEqual(await inherit.communicate("ignored"), [null, null]);
    const explicit = await createSubprocessExec("true", {
      stdin: "inherit",
      stdout: null,
      stderr: DEVNULL,
    });
    assert.equal(explicit.stderr, null);
    assert.deepEqual(await explicit.communicate(), [null, null]);
    assert.equal(explicit.returncode, 0);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_devnull_output
});

test("createSubprocessExec() DEVNULL stdin reads as empty, DEVNULL stdout discards", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "wc -c; echo gone", {
      stdin: DEVNULL,
      stdout: PIPE,
    });
    const [out] = await proc.communicate();
    assert.equal(text(out).trim().split(/\s+/).join(" "), "0 gone");
    const quiet = await createSubprocessExec("echo", "x", { stdout: DEVNULL, stderr: PIPE });
    const [o, e] = await quiet.communicate();
    assert.equal(o, null);
    assert.equal(text(e), "");
  });
  // cpython: test_subprocess.py SubprocessMixin.test_devnull_input
});

test("createSubprocessExec() stderr: STDOUT is one descriptor in the child, interleaved in order", async () => {
  await run(async () => {
    const script = "echo 1; echo 2 >&2; echo 3; echo 4 >&2; "
      + "readlink /proc/self/fd/1; readlink /proc/self/fd/2";
    const proc = await createSubprocessExec("sh", "-c", script, { stdout: PIPE, stderr: STDOUT });
    assert.equal(proc.stderr, null);
    const [out, err] = await proc.communicate();
    assert.equal(err, null);
    const lines = text(out).trim().split("\n");
    assert.deepEqual(lines.slice(0, 4), ["1", "2", "3", "4"]);
    // the same open file behind 1 and 2: not two pipes joined by the parent
    assert.equal(lines[4], lines[5]);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_stdout_stderr_to_stdout (3.13)
});

test("createSubprocessExec() stderr: STDOUT with stdout inherited or DEVNULL follows stdout", async () => {
  await run(async () => {
    const devnull = await createSubprocessExec("sh", "-c", "echo x >&2", {
      stdout: DEVNULL,
      stderr: STDOUT,
    });
    assert.deepEqual(await devnull.communicate(), [null, null]);
    assert.equal(devnull.returncode, 0);
    // with stdout inherited, 2 is the parent's 1 too
    const inherited = await createSubprocessExec(
      "sh",
      "-c",
      `[ "$(readlink /proc/$$/fd/1)" = "$(readlink /proc/$$/fd/2)" ]`,
      {
        stderr: STDOUT,
      },
    );
    assert.equal(await inherited.wait(), 0);
  });
});

test("Process.pid is the child's process id", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "echo $$", { stdout: PIPE });
    const [out] = await proc.communicate();
    assert.equal(Number(text(out)), proc.pid);
    assert.equal(String(proc), `<Process ${proc.pid}>`);
  });
});

test("Process.returncode is null while running, the exit code after, -N after signal N", async () => {
  await run(async () => {
    const code = await createSubprocessExec("sh", "-c", "exit 7");
    assert.equal(await code.wait(), 7);
    assert.equal(code.returncode, 7);
    const sleeper = await createSubprocessExec("sleep", "30");
    assert.equal(sleeper.returncode, null);
    sleeper.kill();
    assert.equal(await sleeper.wait(), -9);
    const term = await createSubprocessExec("sleep", "30");
    term.terminate();
    assert.equal(await term.wait(), -15);
    const self = await createSubprocessExec("sh", "-c", "kill -HUP $$");
    assert.equal(await self.wait(), -1);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_kill, test_terminate, test_send_signal
});

test("Process.wait() from several tasks at once gives each the code", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "read x; exit 3", { stdin: PIPE });
    const waits = [0, 1, 2].map(() => createTask(() => proc.wait()));
    proc.stdin!.write("go\n");
    assert.deepEqual(await gather(...waits), [3, 3, 3]);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_subprocess_concurrent_wait
});

test("Process.communicate() moves 64 MiB in and out, with stderr full too, without deadlock", async () => {
  await run(async () => {
    const size = 64 * 1024 * 1024;
    const input = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) input[i] = i / 4096 % 251;
    // cat copies stdin to stdout while head fills stderr (8 MiB, far more
    // than a pipe holds): both pipes fill while stdin is fed, so reading only
    // one of them would deadlock
    const errSize = 8 * 1024 * 1024;
    const proc = await createSubprocessExec(
      "sh",
      "-c",
      `head -c ${errSize} /dev/zero >&2 & cat; wait`,
      {
        stdin: PIPE,
        stdout: PIPE,
        stderr: PIPE,
      },
    );
    const [out, err] = await proc.communicate(input);
    assert.equal(out!.length, size);
    assert.equal(err!.length, errSize);
    for (let i = 0; i < size; i += 4096) {
      if (out![i] !== input[i]) assert.fail(`byte ${i} differs`);
    }
    assert.ok(err!.every((b) => b === 0));
    assert.equal(proc.returncode, 0);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_communicate
});

test("Process.stdout yields lines while stdin is still being written", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
    const seen: string[] = [];
    for (const word of ["one", "two", "three"]) {
      proc.stdin!.write(`${word}\n`);
      await proc.stdin!.drain();
      seen.push(text(await proc.stdout!.readLine()));
    }
    proc.stdin!.close();
    for await (const line of proc.stdout!) seen.push(text(line));
    assert.deepEqual(seen, ["one\n", "two\n", "three\n"]);
    assert.equal(await proc.wait(), 0);
  });
});

test("createSubprocessExec() runs in cwd", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("pwd", { stdout: PIPE, cwd: "/" });
    const [out] = await proc.communicate();
    assert.equal(text(out), "/\n");
  });
});

test("createSubprocessExec() env replaces the whole environment", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("/usr/bin/env", {
      stdout: PIPE,
      env: { ONLY: "this one", SECOND: "x=y" },
    });
    const [out] = await proc.communicate();
    assert.deepEqual(text(out).trim().split("\n").sort(), ["ONLY=this one", "SECOND=x=y"]);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_create_subprocess_env_exec
});

test("Process.sendSignal() delivers the signal; after wait() signals throw ProcessLookupError", async () => {
  await run(async () => {
    const proc = await createSubprocessExec(
      "sh",
      "-c",
      "trap 'echo got USR1; exit 0' USR1; echo ready; while :; do sleep 0.01; done",
      {
        stdout: PIPE,
      },
    );
    assert.equal(text(await proc.stdout!.readLine()), "ready\n");
    assert.throws(() => proc.sendSignal("SIGNOPE"), /invalid signal: 'SIGNOPE'/);
    assert.throws(() => proc.sendSignal("SIGNOPE"), ValueError);
    proc.sendSignal("SIGUSR1");
    assert.equal(text(await proc.stdout!.readLine()), "got USR1\n");
    assert.equal(await proc.wait(), 0);
    assert.throws(() => proc.sendSignal("SIGTERM"), ProcessLookupError);
    assert.throws(() => proc.terminate(), ProcessLookupError);
    assert.throws(() => proc.kill(), ProcessLookupError);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_send_signal
});

test("createSubprocessExec() never uses a shell: arguments arrive byte for byte", async () => {
  const args = [
    "a; echo injected",
    "$(echo no)",
    "`echo no`",
    "'single' \"double\"",
    "  spaces  ",
    "new\nline",
    "*",
    "",
    "ünï ✓",
    "$HOME",
  ];
  await run(async () => {
    const proc = await createSubprocessExec("printf", "%s\\0", ...args, { stdout: PIPE });
    const [out] = await proc.communicate();
    assert.deepEqual(text(out).split("\0").slice(0, -1), args);
  });
});

test("createSubprocessShell() runs the command line through the shell", async () => {
  await run(async () => {
    const proc = await createSubprocessShell("echo $((6 * 7)) | tr 4 X; exit 2", { stdout: PIPE });
    const [out] = await proc.communicate();
    assert.equal(text(out), "X2\n");
    assert.equal(proc.returncode, 2);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_shell
});

test("createSubprocessExec() of a missing program throws FileNotFoundError (ENOENT)", async () => {
  await run(async () => {
    for (const program of ["/nonexistent/program", "no-such-program-anywhere"]) {
      const err = await createSubprocessExec(program, { stdout: PIPE }).catch((e) => e);
      assert.ok(err instanceof FileNotFoundError, String(err));
      assert.equal(err.code, "ENOENT");
      assert.equal(err.errno, 2);
      assert.match(err.message, new RegExp(program.replaceAll("/", "\\/")));
    }
  });
  // cpython: test_subprocess.py SubprocessMixin.test_popen_error
});

test("createSubprocessExec() of a file that is not executable throws PermissionError", async () => {
  await run(async () => {
    const err = await createSubprocessExec("/etc/passwd", { stdin: PIPE }).catch((e) => e);
    assert.ok(err instanceof PermissionError, String(err));
    assert.equal(err.code, "EACCES");
  });
});

test("createSubprocessExec() with a missing cwd throws FileNotFoundError naming it", async () => {
  await run(async () => {
    const err = await createSubprocessExec("true", { cwd: "/no/such/dir" }).catch((e) => e);
    assert.ok(err instanceof FileNotFoundError, String(err));
    assert.match(err.message, /\/no\/such\/dir/);
  });
});

test("StreamWriter.drain() to a child that closed its stdin throws BrokenPipeError or ConnectionResetError", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "exec 0<&-; echo closed", {
      stdin: PIPE,
      stdout: PIPE,
    });
    assert.equal(text(await proc.stdout!.readLine()), "closed\n");
    const err = await (async () => {
      for (let i = 0; i < 64; i++) {
        proc.stdin!.write(new Uint8Array(1024 * 1024));
        await proc.stdin!.drain();
      }
    })().catch((e) => e);
    assert.ok(
      err instanceof BrokenPipeError || err instanceof ConnectionResetError,
      `expected BrokenPipeError or ConnectionResetError, got ${err}`,
    );
    await proc.wait();
  });
  // cpython: test_subprocess.py SubprocessMixin.test_stdin_broken_pipe
});

test("Process.communicate() ignores a child that closes stdin early", async () => {
  await run(async () => {
    const proc = await createSubprocessExec("sh", "-c", "exec 0<&-; echo done", {
      stdin: PIPE,
      stdout: PIPE,
    });
    const [out] = await proc.communicate(new Uint8Array(8 * 1024 * 1024));
    assert.equal(text(out), "done\n");
    assert.equal(proc.returncode, 0);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_communicate_ignore_broken_pipe
});

test("createSubprocessExec() rejects bad input with a message naming the value", async () => {
  await run(async () => {
    // deno-lint-ignore no-explicit-any
    const any = (x: unknown) => x as any;
    await assert.rejects(
      createSubprocessExec(any(42)),
      (e: Error) => e instanceof TypeError && /42/.test(e.message),
    );
    await assert.rejects(
      createSubprocessExec("echo", "ok", any(7)),
      (e: Error) => e instanceof TypeError && /args\[1\].*7/.test(e.message),
    );
    await assert.rejects(
      createSubprocessExec("true", { stdout: any("pipe") }),
      (e: Error) => e instanceof ValueError && /stdout.*'pipe'/.test(e.message),
    );
    await assert.rejects(
      createSubprocessExec("true", { stdin: any(STDOUT) }),
      (e: Error) => e instanceof ValueError && /STDOUT/.test(e.message),
    );
    await assert.rejects(
      createSubprocessExec("true", { stdout: PIPE, limit: 0 }),
      (e: Error) => e instanceof ValueError && /<= 0/.test(e.message),
    );
    await assert.rejects(
      createSubprocessShell(any(["echo"])),
      (e: Error) => e instanceof ValueError && /cmd must be a string/.test(e.message),
    );
  });
  assert.deepEqual(zombieChildren(), []);
  // cpython: test_subprocess.py SubprocessMixin.test_create_subprocess_exec_text_mode_fails (the kind)
});

test("createSubprocessExec() outside a running loop throws no running event loop", async () => {
  await assert.rejects(createSubprocessExec("true"), /no running event loop/);
});
