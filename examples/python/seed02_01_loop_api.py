# Seed 002 (async库的使用): the policy and loop calls listed under 事件循环策略
# and loop, assembled into one program (the seed lists them as separate
# snippets); prints show what each call gives.
import asyncio

# 获取当前Python进程的事件循环策略
policy = asyncio.get_event_loop_policy()
# 设置当前Python进程的事件循环策略
asyncio.set_event_loop_policy(policy)
print('default policy:', isinstance(policy, asyncio.DefaultEventLoopPolicy))

# 创建
loop = asyncio.new_event_loop()
# 设置
asyncio.set_event_loop(loop)
# 获取: asyncio.get_event_loop() 等于 asyncio.get_event_loop_policy().get_event_loop()
print('get_event_loop:', asyncio.get_event_loop() is loop)
print('policy.get_event_loop:', asyncio.get_event_loop_policy().get_event_loop() is loop)


async def coro():
    print('is_running inside:', loop.is_running())
    return 'done'

# 运行loop 直至future set_result即协程执行完成或返回错误
print(loop.run_until_complete(coro()))
print('is_running after:', loop.is_running())

# 一直运行loop, 直至loop被stop; callbacks already queued when stop() is called still run
loop.call_soon(print, 'callback 1')
loop.call_soon(loop.stop)
loop.call_soon(print, 'callback 2')
loop.run_forever()
print('stopped')

# 关闭: 当loop关闭即close后,该loop就不能再使用
loop.close()
print('is_closed:', loop.is_closed())
try:
    loop.run_until_complete(coro())
except RuntimeError as e:
    print('RuntimeError:', e)
