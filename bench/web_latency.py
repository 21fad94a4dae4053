# Web app benchmark (not a test): measures `aurum serve` from outside, over HTTP on 127.0.0.1.
#   python3 bench/web_latency.py LAKEHOUSE [--clients 20] [--questions bench/chat-questions.txt] [--refresh]
# Starts ./aurum serve on a free port, waits until it answers, then:
#   1. opens the Sales overview dashboard three times (the first fills the tile cache; the next ones must run no query);
#   2. 20 concurrent clients, each in its own conversation, ask the first 10 questions of the file (each client starts at
#      a different question), and reports p50/p95 answer time and failures;
#   3. with --refresh: lands the next day's drop and runs `./aurum pipeline run` in another process while the server
#      keeps running, then opens the dashboard again (only tiles whose tables changed re-run) and once more (cached).
# Prints one JSON object at the end.
import json, os, socket, statistics, subprocess, sys, threading, time, urllib.request, urllib.error

args = sys.argv[1:]
lakehouse = args[0]
clients = int(args[args.index('--clients') + 1]) if '--clients' in args else 20
qfile = args[args.index('--questions') + 1] if '--questions' in args else 'bench/chat-questions.txt'
refresh = '--refresh' in args
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
questions = [l.strip() for l in open(os.path.join(root, qfile)) if l.strip()][:10]

s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
base = f'http://127.0.0.1:{port}'
log = open('/tmp/aurum-web-bench-serve.log', 'w')
t0 = time.time()
server = subprocess.Popen([os.path.join(root, 'aurum'), 'serve', '--lakehouse', lakehouse, '--port', str(port)], cwd=root, stdout=log, stderr=subprocess.STDOUT)

def call(method, path, body=None, timeout=600):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={'Content-Type': 'application/json'})
    start = time.time()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        payload = json.loads(response.read().decode())
    return payload, time.time() - start

result = {'lakehouse': lakehouse, 'clients': clients, 'questions': questions}
try:
    while True:
        try:
            call('GET', '/api/openapi.json', timeout=5)
            break
        except Exception:
            if server.poll() is not None:
                raise SystemExit('serve exited; see /tmp/aurum-web-bench-serve.log')
            time.sleep(0.5)
    result['start_to_ready_s'] = round(time.time() - t0, 1)

    def open_dashboard(label):
        payload, seconds = call('GET', '/api/dashboards/sales-overview')
        tiles = payload.get('tiles', [])
        ran = sum(1 for t in tiles if not t.get('cached', False))
        errors = [t.get('title') for t in tiles if t.get('error')]
        print(f'{label}: {seconds:.3f} s, {len(tiles)} tiles, {ran} ran a query, errors {errors}', flush=True)
        return {'seconds': round(seconds, 3), 'tiles': len(tiles), 'tiles_run': ran, 'errors': errors}

    result['dashboard_first_open'] = open_dashboard('first open (fills the cache)')
    result['dashboard_unchanged_opens'] = [open_dashboard('open, tables unchanged') for _ in range(3)]

    # warm the assistant once so the concurrent round measures warm answers
    conversation, _ = call('POST', '/api/conversations', {})
    _, first = call('POST', f"/api/conversations/{conversation['id']}/messages", {'text': questions[0]})
    result['first_answer_s'] = round(first, 3)

    times, failures, lock = [], [], threading.Lock()
    def client(k):
        try:
            conv, _ = call('POST', '/api/conversations', {})
            for i in range(len(questions)):
                q = questions[(k + i) % len(questions)]
                answer, seconds = call('POST', f"/api/conversations/{conv['id']}/messages", {'text': q})
                with lock:
                    times.append(seconds)
                    if answer.get('status') not in ('answered', 'clarification'):
                        failures.append((q, answer.get('status'), answer.get('message')))
        except Exception as e:
            with lock:
                failures.append(('request', 'exception', repr(e)))
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    start = time.time()
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.time() - start
    times.sort()
    result['concurrent'] = {'requests': len(times), 'failures': failures, 'wall_s': round(wall, 1),
                            'p50_s': round(statistics.median(times), 3), 'p95_s': round(times[int(0.95 * (len(times) - 1))], 3),
                            'max_s': round(times[-1], 3)}
    print('concurrent:', result['concurrent'], flush=True)

    if refresh:
        env = dict(os.environ)
        subprocess.run([os.path.join(root, 'aurum'), 'data', 'generate', '--days', '1', '--lakehouse', lakehouse], cwd=root, check=True, env=env,
                       stdout=subprocess.DEVNULL)
        r0 = time.time()
        subprocess.run([os.path.join(root, 'aurum'), 'pipeline', 'run', '--lakehouse', lakehouse], cwd=root, check=True, env=env, stdout=subprocess.DEVNULL)
        result['refresh_s'] = round(time.time() - r0, 1)
        result['dashboard_after_refresh'] = open_dashboard('open after a refresh')
        result['dashboard_after_refresh_again'] = open_dashboard('open again')
finally:
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
print(json.dumps(result, indent=2))
