// The states of a future (asyncio's `_PENDING`, `_FINISHED` with a result or
// an exception, `_CANCELLED`), as small integers compared on hot paths.

/** @ignore */
export const PENDING = 0;
/** @ignore */
export const RESULT = 1;
/** @ignore */
export const ERROR = 2;
/** @ignore */
export const CANCELLED = 3;
