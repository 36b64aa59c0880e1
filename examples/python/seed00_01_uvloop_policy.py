# Seed 000 (also 001, 003): 设置事件循环策略 / 手动指定 loop 类型.
# Adapted: uvloop is a third-party package, so a policy and a loop class of our
# own stand in for uvloop.EventLoopPolicy() and uvloop.new_event_loop(); the
# os.name check is dropped (the seed sets the policy on POSIX only, these run
# everywhere); prints show which policy and loop are in use.
import asyncio


class UvLoop(asyncio.SelectorEventLoop):
    """Stands in for uvloop's loop class."""


class UvloopPolicy(asyncio.DefaultEventLoopPolicy):
    """Stands in for uvloop.EventLoopPolicy(): makes UvLoop loops."""

    def new_event_loop(self):
        return UvLoop()


async def main():
    print('running on', type(asyncio.get_running_loop()).__name__)


asyncio.set_event_loop_policy(UvloopPolicy())
print(type(asyncio.get_event_loop_policy()).__name__)
asyncio.run(main())

# 或者手动指定 loop 类型使用
asyncio.set_event_loop(UvLoop())
loop = asyncio.get_event_loop()
print(type(loop).__name__)
loop.run_until_complete(main())
loop.close()
