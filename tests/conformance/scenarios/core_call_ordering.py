# callSoon FIFO, callbacks scheduled during a batch run in the next batch,
# timers by deadline (negative delays included), cancelled handles skipped.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def cb(name):
        print(f"cb {name}")

    def spawner():
        print("spawner")
        loop.call_soon(cb, "spawned")

    loop.call_later(-1, cb, "later -1")
    loop.call_later(-2, cb, "later -2")
    loop.call_later(0, cb, "later 0")
    loop.call_later(0.2, cb, "later 0.2")
    loop.call_later(0.1, cb, "later 0.1")
    loop.call_at(loop.time() + 0.15, cb, "at +0.15")
    loop.call_soon(cb, "soon 1")
    loop.call_soon(spawner)
    h = loop.call_soon(cb, "cancelled")
    loop.call_soon(cb, "soon 2")
    h.cancel()
    t = loop.call_later(0.05, cb, "cancelled timer")
    t.cancel()
    print("cancelled", h.cancelled(), t.cancelled())
    loop.call_later(0.3, done.set_result, None)
    await done
    print("end")


asyncio.run(main())
