# The yardstick of issue 13, section 4: what a naive script does with a users CSV. It only parses the
# CSV with Python's csv module, sorts the rows and dumps them as JSON with json.dump; no
# validation, no credentials, no encryption. Prints its own peak memory as "maxrss_kb N".
import csv
import json
import resource
import sys


def main(csv_path, json_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows.sort(key=lambda r: (int(r["facility"]), int(r["card"])))
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump({"users": rows}, f)
    print("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
