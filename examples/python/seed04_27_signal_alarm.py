# Seed 004: 使用Unix信号管理事件循环 (loop.add_signal_handler for SIGALRM, raised
# by signal.alarm()).
# Adapted: the alarm rings after 0.4 s (signal.setitimer, as alarm() takes
# whole seconds) instead of 4 s; main() ends once the alarm rang instead of
# looping forever, and sleeps 0.1 s instead of 1 s.
import signal
import asyncio
signal.setitimer(signal.ITIMER_REAL, 0.4)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
rang = asyncio.Event()

def ring():
    print("闹铃响了")
    rang.set()

loop.add_signal_handler(signal.SIGALRM, ring)
async def main():
    while not rang.is_set():
        await asyncio.sleep(0.1)
    print("main 结束")

loop.run_until_complete(main())
loop.close()
