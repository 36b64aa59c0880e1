/**
 * The options checker every public function and constructor uses: an
 * options object with a key nobody reads, or something else where the
 * options go, is a `TypeError` rather than a setting silently lost (Python
 * raises `TypeError: ... got an unexpected keyword argument` for the same
 * mistake). Without TypeScript nothing else catches `new Queue({ maxSize:
 * 10 })` or `gather(f, { return_exceptions: true })`.
 *
 * Private to the library; any library file may import it (it imports
 * nothing). Call it once per call, never per item, and keep the common call
 * (no options) on the `undefined` fast path.
 *
 * @module
 */

const CHECKED: unique symbol = Symbol("asyncio.checkedOptions");

interface Marked {
  [CHECKED]?: true;
}

/**
 * Marks an options object the library built itself from checked input (the
 * loop's `{ loop }` for each task it creates), so that a constructor on a
 * hot path given it skips the check. The mark is a non-enumerable property
 * under a symbol no other module can name.
 *
 * @param options An object whose keys are known to be valid.
 * @returns `options`, marked.
 */
export function markChecked<T extends object>(options: T): T {
  Object.defineProperty(options, CHECKED, { value: true });
  return options;
}

/**
 * Checks the options object given to a public call: `undefined` (no
 * options) passes, and so does an object made by {@linkcode markChecked}; a
 * plain object passes when each of its keys is one of `known`; anything
 * else throws.
 *
 * @param options What the caller passed where the options go.
 * @param known The option names the call reads.
 * @param action What the call does, for the message: `"create Queue"` gives
 *   `Cannot create Queue: ...`.
 * @throws {TypeError} `Cannot <action>: got an unexpected keyword argument
 *   'maxSize' (did you mean 'maxsize'?); known options: maxsize` for an
 *   unknown key, and `Cannot <action>: options must be a plain object like {
 *   maxsize }, not the number 10` for anything that is not a plain object
 *   (`null`, a number, a string, an array, a function, a promise, a class
 *   instance).
 */
export function checkOptions(options: unknown, known: readonly string[], action: string): void {
  if (options === undefined) return;
  if (typeof options === "object" && options !== null) {
    if ((options as Marked)[CHECKED] === true) return;
    if (isPlainObject(options)) {
      for (const key in options) {
        if (!known.includes(key) && Object.hasOwn(options, key)) {
          throw unexpectedOption(key, known, action);
        }
      }
      return;
    }
  }
  throw new TypeError(
    `Cannot ${action}: options must be a plain object like ${shapeOf(known)}, not ${
      describeValue(options)
    }`,
  );
}

/**
 * The `TypeError` for a constructor's positional argument of the wrong
 * type, with a hint when it came as an options object naming it (`new
 * Semaphore({ value: 3 })`, Python's keyword form): `Cannot create
 * Semaphore: value must be a number, not an object; write new Semaphore(3)`.
 *
 * @param cls The class being constructed (`new.target`), for its name.
 * @param param The parameter's name.
 * @param value What was passed.
 * @param expected What the parameter takes, with its article.
 * @returns The error, not thrown.
 */
export function argumentTypeError(
  cls: { readonly name: string },
  param: string,
  value: unknown,
  expected = "a number",
): TypeError {
  let hint = "";
  if (typeof value === "object" && value !== null && Object.hasOwn(value, param)) {
    const inner = (value as Record<string, unknown>)[param];
    const shown = typeof inner === "number" ? String(inner) : param;
    hint = `; write new ${cls.name}(${shown})`;
  }
  return new TypeError(
    `Cannot create ${cls.name}: ${param} must be ${expected}, not ${describeValue(value)}${hint}`,
  );
}

/**
 * Describes a value for an error message: `the number 10`, `the string
 * 'x'`, `null`, `an array`, `a function`, `a Promise`, `a Task`, `an
 * object`.
 *
 * @param value Any value.
 * @returns A short description with its article.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return `the string '${value.length > 40 ? value.slice(0, 37) + "..." : value}'`;
    case "number":
    case "bigint":
    case "boolean":
      return `the ${typeof value} ${String(value)}`;
    case "undefined":
      return "undefined";
    case "symbol":
      return `the symbol ${value.description ?? ""}`;
    case "function":
      return value.name ? `the function ${value.name}` : "a function";
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const name = constructorName(value as object);
  if (name === "Object" || name === "") return "an object";
  return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  // Also another realm's `Object.prototype` (its own prototype is null). A
  // thenable literal fails on its `then` key.
  return proto === Object.prototype || proto === null
    || Object.getPrototypeOf(proto) === null;
}

function constructorName(value: object): string {
  try {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === "string" ? ctor.name : "";
  } catch {
    return "";
  }
}

function shapeOf(known: readonly string[]): string {
  return known.length === 0 ? "{}" : `{ ${known.join(", ")} }`;
}

function unexpectedOption(key: string, known: readonly string[], action: string): TypeError {
  const guess = closestKey(key, known);
  const hint = guess === undefined ? "" : ` (did you mean '${guess}'?)`;
  const list = known.length === 0 ? "it takes none" : `known options: ${known.join(", ")}`;
  return new TypeError(
    `Cannot ${action}: got an unexpected keyword argument '${key}'${hint}; ${list}`,
  );
}

// The same name in another case or spelling (`maxSize`, `return_exceptions`,
// `eager-start`), else one within two edits of a known name.
function closestKey(key: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, "");
  const wanted = norm(key);
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of known) {
    const d = editDistance(wanted, norm(name));
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = row;
  }
  return prev[b.length]!;
}
