/**
 * Branding: how every class of the family answers `instanceof` across copies
 * of this module. Private to `errors/`.
 *
 * @module
 */

// `instanceof` normally compares prototypes, which fails when two
// copies of this module are loaded: each copy has its own `CancelledError`.
// Each class's prototype therefore carries a non-enumerable property keyed by
// `Symbol.for(...)` (one registry per realm, shared by all copies), and each
// class answers `instanceof` by looking that key up along the value's
// prototype chain. A subclass instance sees its ancestors' brands through the
// chain, so a `ConnectionRefusedError` is an `OSError` in every copy. A user's
// own subclass is not branded and falls back to the ordinary check.

const brands = new WeakMap<object, symbol>();
const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];

function brandedHasInstance(this: unknown, value: unknown): boolean {
  const key = typeof this === "function" ? brands.get(this) : undefined;
  if (key === undefined) return ordinaryHasInstance.call(this, value);
  return ((typeof value === "object" && value !== null) || typeof value === "function")
    && key in value;
}

/** Names a class and brands it; called once from each class's static block. */
export function brand(ctor: abstract new(...args: never[]) => unknown, name: string): void {
  const key = Symbol.for(`@asyncio/asyncio.error.${name}`);
  brands.set(ctor, key);
  Object.defineProperty(ctor.prototype, key, { value: true });
  // On the prototype, like the built-in errors' `name`: not an own,
  // enumerable field of every instance.
  Object.defineProperty(ctor.prototype, "name", {
    value: name,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(ctor, Symbol.hasInstance, {
    value: brandedHasInstance,
    configurable: true,
  });
}

/**
 * Whether `value` carries the brand of the class called `name` (or of a
 * subclass): `instanceof` without importing the class.
 */
export function hasBrand(value: unknown, name: string): boolean {
  return ((typeof value === "object" && value !== null) || typeof value === "function")
    && Symbol.for(`@asyncio/asyncio.error.${name}`) in value;
}
