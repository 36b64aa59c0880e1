# Cancellation: before the first step, during an await (finally runs),
# caught and continued, uncancel rescinding an undelivered request,
# self-cancel then return, repeated cancel().
import asyncio


async def main():
    # 1. Cancelled before its first step: the body never runs.
    async def never():
        print("never runs")

    t = asyncio.create_task(never())
    print("cancel before start", t.cancel("early"))
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"awaiting raised CancelledError {e.args} cancelled={t.cancelled()}")

    # 2. Cancelled during an await deep in a plain async function.
    async def inner():
        try:
            await asyncio.sleep(10)
        finally:
            print("inner finally")

    async def outer():
        try:
            await inner()
        finally:
            print("outer finally")

    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    print("cancel during await", t.cancel("stop"), t.cancel("again"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"task ended CancelledError {e.args} cancelled={t.cancelled()}")

    # 3. Caught and continued: the task returns a value.
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print(f"stubborn caught {e.args}")
        await asyncio.sleep(0.1)
        return "kept going"

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel("please")
    print(f"stubborn result {await t!r} cancelled={t.cancelled()} cancelling={t.cancelling()}")

    # 4. uncancel() before delivery rescinds the request.
    async def answer():
        print("answer runs")
        return 42

    t = asyncio.create_task(answer())
    t.cancel()
    print("uncancel", t.uncancel())
    print(f"answer result {await t} cancelled={t.cancelled()}")

    # 5. Self-cancel then return: ends cancelled.
    async def self_cancel():
        asyncio.current_task().cancel("myself")
        return "ignored"

    t = asyncio.create_task(self_cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"self-cancel ended CancelledError {e.args}")

    # 6. cancel() on a done task, and the order of wake-ups.
    print("cancel done task", t.cancel())
    async def sleeper(name):
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print(f"{name} cancelled")
            raise

    ts = [asyncio.create_task(sleeper(n)) for n in ("p", "q", "r")]
    await asyncio.sleep(0)
    for x in reversed(ts):
        x.cancel()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print([type(r).__name__ for r in res])
    print("end")


asyncio.run(main())
