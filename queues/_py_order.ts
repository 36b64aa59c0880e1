// Python's `<` for the values JavaScript shares with it, PriorityQueue's
// default order: numbers, booleans and bigints compare with each other (in
// Python bool and int are numbers too); strings by code point; Dates with
// Dates; arrays element by element like tuples (the first unequal pair
// decides, else the shorter sorts first). Anything else Python could not
// order (None, dicts, mixed kinds) throws TypeError, as heapq would.

type Kind = "num" | "str" | "date" | "tuple" | "other";

function kindOf(x: unknown): Kind {
  switch (typeof x) {
    case "number":
    case "bigint":
    case "boolean":
      return "num";
    case "string":
      return "str";
    case "object":
      if (Array.isArray(x)) return "tuple";
      if (x instanceof Date) return "date";
      return "other";
    default:
      return "other";
  }
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (typeof x !== "object") return typeof x;
  return (x as { constructor?: { name?: string } }).constructor?.name || "Object";
}

function unorderable(a: unknown, b: unknown): TypeError {
  return new TypeError(
    `'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
  );
}

// Code-point order. UTF-16 code-unit order (JS `<`) differs only where a
// surrogate (an astral character) meets a character in U+E000..U+FFFF.
function strLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  const xs = x >= 0xd800 && x <= 0xdfff;
  const ys = y >= 0xd800 && y <= 0xdfff;
  return xs === ys ? x < y : ys;
}

function num(x: unknown): number | bigint {
  return typeof x === "boolean" ? (x ? 1 : 0) : (x as number | bigint);
}

/** Python's `==` as tuple comparison uses it (identity first). */
function pyEq(a: unknown, b: unknown): boolean {
  if (a === b || Object.is(a, b)) return true;
  const ka = kindOf(a);
  if (ka !== kindOf(b)) return false;
  switch (ka) {
    case "num":
      // deno-lint-ignore eqeqeq
      return num(a) == num(b);
    case "date":
      return (a as Date).getTime() === (b as Date).getTime();
    case "tuple": {
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!pyEq(x[i], y[i])) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Python's `a < b`.
 *
 * @throws {TypeError} `'<' not supported between instances of ...`.
 */
export function pyLess(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === "num" && kb === "num") return num(a) < num(b);
  if (ka !== kb) throw unorderable(a, b);
  switch (ka) {
    case "str":
      return a !== b && strLess(a as string, b as string);
    case "date":
      return (a as Date).getTime() < (b as Date).getTime();
    case "tuple": {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (!pyEq(x[i], y[i])) return pyLess(x[i], y[i]);
      }
      return x.length < y.length;
    }
    default:
      throw unorderable(a, b);
  }
}
