// deno-lint-ignore-file no-explicit-any -- resolvers of promises of any type.
// `new Promise(capture)` hands a promise's resolving functions over through
// two module variables, so the library's hot paths allocate no executor
// closure per promise. Read `capturedRes`/`capturedRej` right after the
// `new Promise(capture)` call that set them.

export let capturedRes: (v: any) => void = () => {};
export let capturedRej: (e: unknown) => void = () => {};

export function capture(res: (v: any) => void, rej: (e: unknown) => void): void {
  capturedRes = res;
  capturedRej = rej;
}
