# Chat latency benchmark (not a test): drives ./aurum chat through a pseudo-terminal.
#   python3 bench/chat_latency.py LAKEHOUSE bench/chat-questions.txt
# Prints the time from start to the prompt, the first (cold) answer, then (after AURUM_BENCH_SETTLE seconds, default 30,
# while the Gold cache fills) every warm answer and p50/p95.
import os, pty, time, select, sys, statistics
lakehouse = sys.argv[1]
questions = [l.strip() for l in open(sys.argv[2]) if l.strip()]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    os.environ['HOME'] = os.environ.get('AURUM_BENCH_HOME', '/tmp/aurum-chat-bench-home'); os.makedirs(os.environ['HOME'], exist_ok=True)
    os.execvp('./aurum', ['./aurum', 'chat', '--lakehouse', lakehouse])
import fcntl, termios, struct
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 140, 0, 0))
buf = b''
def read_until(token, timeout):
    global buf
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            buf += data
            if token in buf:
                buf = buf[buf.index(token) + len(token):]
                return True
    return False
start = time.time()
ok = read_until(b'aurum> ', 120)
prompt = time.time() - start
print(f'time to prompt: {prompt:.2f} s (found={ok})', flush=True)
def ask(q):
    os.write(fd, (q + '\r').encode())
    t = time.time()
    ok = read_until(b'aurum> ', 300)
    return time.time() - t, ok
first, ok = ask('revenue in SP for 2018')
print(f'first answer (cold): {first:.2f} s', flush=True)
# the Gold cache fills in the background after Spark can answer; warm latency is measured once it has settled
settle = float(os.environ.get('AURUM_BENCH_SETTLE', '30'))
time.sleep(settle)
lat = []
for q in questions:
    d, ok = ask(q)
    lat.append(d * 1000)
    print(f'{d*1000:8.0f} ms  {q}', flush=True)
lat.sort()
p = lambda x: lat[min(len(lat)-1, int(round(x/100*len(lat)+0.5))-1)]
print(f'n={len(lat)} p50={statistics.median(lat):.0f} ms p95={p(95):.0f} ms max={lat[-1]:.0f} ms', flush=True)
os.write(fd, b'\x04')
time.sleep(2)
