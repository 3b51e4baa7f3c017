#!/usr/bin/env python3
"""Where a service spends its CPU, from a JFR recording: the hottest methods (self time) and the
hottest packages counted inclusively (a sample counts once for every package on its stack).

Record on a running service, under load, then summarize:
    jcmd <pid> JFR.start name=hot duration=60s filename=/tmp/svc.jfr settings=profile
    python3 load/jfr-hotspots.py /tmp/svc.jfr [--top 25]
Needs the JDK's `jfr` tool on PATH.
"""
import argparse
import collections
import re
import subprocess
import sys

FRAME = re.compile(r'^\s+([\w$.<>/]+)\(.*line:')


def samples(recording):
    """Yields each execution sample's stack, top frame first, as method names."""
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '64', recording],
                         check=True, capture_output=True, text=True).stdout
    stack = None
    for line in out.splitlines():
        if 'stackTrace = [' in line:
            stack = []
        elif stack is not None:
            match = FRAME.match(line)
            if match:
                stack.append(match.group(1))
            elif line.strip().startswith(']'):
                yield stack
                stack = None


def package(method, depth):
    parts = method.split('.')
    return '.'.join(parts[:min(depth, len(parts) - 2)]) or method


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('recording')
    parser.add_argument('--top', type=int, default=25)
    parser.add_argument('--depth', type=int, default=3, help='package components to group by')
    args = parser.parse_args()

    self_time = collections.Counter()
    inclusive = collections.Counter()
    total = 0
    for stack in samples(args.recording):
        if not stack:
            continue
        total += 1
        self_time[stack[0]] += 1
        for pkg in {package(m, args.depth) for m in stack}:
            inclusive[pkg] += 1
    if total == 0:
        sys.exit('no execution samples in ' + args.recording)
    print(f'{total} samples\n\nHottest methods (self):')
    for method, count in self_time.most_common(args.top):
        print(f'{100 * count / total:6.1f}%  {method}')
    print('\nPackages on the stack (inclusive):')
    for pkg, count in inclusive.most_common(args.top):
        print(f'{100 * count / total:6.1f}%  {pkg}')


if __name__ == '__main__':
    main()
