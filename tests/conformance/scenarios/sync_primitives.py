# Ordering of the primitives' wake-ups: Semaphore(2) workers, Condition
# notify/notify_all, a Barrier over two cycles, Lock fairness on re-acquire,
# and cancellations racing wake-ups (Lock, Semaphore, Condition, Queue).
import asyncio


def r(obj):
    return repr(obj).replace(f" object at {hex(id(obj))}", "").replace("asyncio.locks.", "")


async def semaphore_part(loop, t0):
    sem = asyncio.Semaphore(2)

    async def worker(i):
        async with sem:
            print(f"sem {i} in at {round(loop.time() - t0, 1)} {r(sem)}")
            await asyncio.sleep(0.1 * (i % 3 + 1))
        print(f"sem {i} out")

    await asyncio.gather(*(worker(i) for i in range(5)))
    print(r(sem))


async def condition_part():
    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            print(f"cond {i} got {items.pop(0)} {r(cond)}")

    tasks = [asyncio.create_task(consumer(i)) for i in range(4)]
    await asyncio.sleep(0)
    print(r(cond))
    async with cond:
        items.append("a")
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.extend(["b", "c", "d"])
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(r(cond))


async def barrier_part():
    barrier = asyncio.Barrier(3)

    async def party(i):
        for cycle in range(2):
            index = await barrier.wait()
            print(f"barrier party {i} cycle {cycle} index {index} {r(barrier)}")

    await asyncio.gather(*(party(i) for i in range(3)))
    print(r(barrier))


async def lock_part():
    lock = asyncio.Lock()
    order = []

    async def greedy():
        for k in range(3):
            async with lock:
                order.append(f"greedy{k}")
                await asyncio.sleep(0)

    async def polite(i):
        async with lock:
            order.append(f"polite{i}")

    g = asyncio.create_task(greedy())
    await asyncio.sleep(0)
    ps = [asyncio.create_task(polite(i)) for i in range(2)]
    await asyncio.gather(g, *ps)
    print("lock order", order)


async def cancel_part():
    # Lock: the first waiter is cancelled right after release() woke it.
    lock = asyncio.Lock()
    await lock.acquire()
    t1 = asyncio.create_task(lock.acquire())
    t2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    t1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("lock", t1.cancelled(), t2.done(), r(lock))
    lock.release()

    # Semaphore: a waiter granted a unit, then cancelled, gives it back.
    sem = asyncio.Semaphore(0)
    s1 = asyncio.create_task(sem.acquire())
    s2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    s1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("sem", s1.cancelled(), s2.done(), r(sem))

    # Condition: the notified waiter is cancelled; the other one gets it.
    cond = asyncio.Condition()
    got = []

    async def waiter(name):
        async with cond:
            await cond.wait()
            got.append(name)

    c1 = asyncio.create_task(waiter("c1"))
    c2 = asyncio.create_task(waiter("c2"))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    c1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cond", c1.cancelled(), got, r(cond))
    c2.cancel()
    await asyncio.gather(c2, return_exceptions=True)

    # Queue: the woken getter is cancelled; the item goes to the next one.
    q = asyncio.Queue()
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("queue", g1.cancelled(), g2.done() and g2.result(), str(q))


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await semaphore_part(loop, t0)
    await condition_part()
    await barrier_part()
    await lock_part()
    await cancel_part()


asyncio.run(main())
