// deno-lint-ignore-file no-explicit-any -- classes with any constructor signature.
/**
 * Custom inspection: makes objects print like asyncio's reprs in Deno's,
 * Bun's and Node's inspectors (STYLE.md convention 11).
 *
 * @module
 */

const denoInspect = Symbol.for("Deno.customInspect");
const nodeInspect = Symbol.for("nodejs.util.inspect.custom");

/**
 * Installs `repr` as the inspector output of every instance of `cls`, and as
 * its `toString()` unless the class defines one.
 */
export function defineRepr<T>(
  cls: abstract new(...args: any[]) => T,
  repr: (self: T) => string,
): void {
  const proto = cls.prototype as Record<PropertyKey, unknown>;
  const fn = function(this: T): string {
    return repr(this);
  };
  for (const key of [denoInspect, nodeInspect]) {
    Object.defineProperty(proto, key, { value: fn, configurable: true, writable: true });
  }
  if (!Object.prototype.hasOwnProperty.call(proto, "toString")) {
    Object.defineProperty(proto, "toString", { value: fn, configurable: true, writable: true });
  }
}

/**
 * Installs `format` as the inspector output of every instance of `cls` in
 * Deno's, Bun's and Node's inspectors (`console.log`, `Deno.inspect`,
 * `util.inspect`), leaving `toString()` alone. `format` gets the runtime's
 * own inspector (with the caller's options) for the values it nests, or
 * `String` where the runtime gives none.
 */
export function defineInspect<T>(
  cls: abstract new(...args: any[]) => T,
  format: (self: T, inspect: (value: unknown) => string) => string,
): void {
  const proto = cls.prototype as Record<PropertyKey, unknown>;
  const nested = (inspect: unknown, options: unknown) => (value: unknown): string =>
    typeof inspect === "function" ? String(inspect(value, options)) : String(value);
  // Node and Bun call it with (depth, options, inspect); Deno with (inspect, options).
  const node = function(this: T, _depth: unknown, options: unknown, inspect: unknown): string {
    return format(this, nested(inspect, options));
  };
  const deno = function(this: T, inspect: unknown, options: unknown): string {
    return format(this, nested(inspect, options));
  };
  Object.defineProperty(proto, nodeInspect, { value: node, configurable: true, writable: true });
  Object.defineProperty(proto, denoInspect, { value: deno, configurable: true, writable: true });
}

/** A short Python-like repr of a value for reprs (`'x'`, `5`, `ValueError('x')`). */
export function valueRepr(value: unknown): string {
  switch (typeof value) {
    case "string":
      return `'${value}'`;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "undefined";
    case "function":
      return `${value.name || "anonymous"}()`;
    case "symbol":
      return value.toString();
    default:
      if (value === null) return "null";
      if (value instanceof Error) return `${value.name}(${valueRepr(value.message)})`;
      if (Array.isArray(value)) return `[${value.map(valueRepr).join(", ")}]`;
      if (Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(value), denoInspect)) {
        return String(value);
      }
      return Object.prototype.toString.call(value) === "[object Object]"
        ? ((value as { constructor?: { name?: string } }).constructor?.name ?? "Object")
        : String(value);
  }
}
