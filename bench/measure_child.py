# Runs one command and prints how long it took and the most memory it held, as JSON:
# {"exit": 0, "seconds": 4.2, "peak_kb": 310000}. The peak is the command's peak resident set
# (getrusage of the waited-for child, threads included), measured the same way for every
# command, whatever language it is written in.
import json
import resource
import subprocess
import sys
import time


def main(argv):
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"exit": done.returncode, "seconds": seconds, "peak_kb": peak_kb, "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))


if __name__ == "__main__":
    main(sys.argv[1:])
