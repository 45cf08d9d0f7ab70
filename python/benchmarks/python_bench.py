#!/usr/bin/python3
# Figures for the sdw Python module: the overhead of one run through Python against the CLI and the C++ API
# (`sdw bench`), and the throughput of a batch locally and over a two-worker Dask LocalCluster.
# Layer: python (a measuring script, not a test). Run from the repository root:
#   PYTHONPATH=build/python /usr/bin/python3 python/benchmarks/python_bench.py overhead MODEL [--vars a,b]
#       [--engine interp|compiled|auto]  (the same engine for `sdw bench`, `sdw run` and model.run)
#   PYTHONPATH=build/python /usr/bin/python3 python/benchmarks/python_bench.py batch MODEL --runs 10000 --saveper 52
import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

import sdw

ROOT = Path(__file__).resolve().parents[2]


def median_seconds(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cpu_seconds():
    """CPU time of this process (user + system): on a shared machine the wall time is set by the share of the
    cores the process gets, the CPU time by the work."""
    t = os.times()
    return t.user + t.system


def overhead(a):
    cli = str(ROOT / "build" / "sdw")
    bench = subprocess.run([cli, "bench", a.model, "--runs", str(a.repeat), "--engine", a.engine],
                           capture_output=True, text=True, check=True).stdout
    cxx_us = float(bench.split("median_us_per_run=")[1].split()[0])
    model = sdw.load(a.model)
    model.run(engine=a.engine)  # compile once (and build native code), as `sdw bench` does
    py_us = median_seconds(lambda: model.run(engine=a.engine), a.repeat) * 1e6
    vars = a.vars.split(",") if a.vars else None
    py_vars_us = median_seconds(lambda: model.run(vars=vars, engine=a.engine), a.repeat) * 1e6 if vars else None
    cli_us = median_seconds(lambda: subprocess.run([cli, "run", a.model, "--engine", a.engine],
                                                   stdout=subprocess.DEVNULL, check=True),
                            max(5, a.repeat // 20)) * 1e6
    load_us = median_seconds(lambda: sdw.load(a.model).run(engine=a.engine), max(5, a.repeat // 20)) * 1e6
    print(f"model={a.model} rows x cols={model.run().shape} engine={a.engine} "
          f"(sdw bench: {bench.split('engine=')[1].split()[0] if 'engine=' in bench else '?'})")
    print(f"C++ API (sdw bench, compiled once, simulate only): median {cxx_us:.0f} us a run")
    print(f"Python model.run(), compiled once, every variable: median {py_us:.0f} us "
          f"(+{py_us - cxx_us:.0f} us over C++)")
    if vars:
        print(f"Python model.run(vars={len(vars)} columns): median {py_vars_us:.0f} us")
    print(f"Python sdw.load(path).run() (load + compile + run): median {load_us:.0f} us")
    print(f"CLI sdw run MODEL > /dev/null (process, load, compile, run, CSV): median {cli_us:.0f} us")


def batch(a):
    model = sdw.load(a.model)
    name = a.param
    base = model.constants.loc[name, "value"]
    params = [{name: base * (0.5 + i / a.runs)} for i in range(a.runs)]
    vars = a.vars.split(",") if a.vars else None
    cpu0, t = cpu_seconds(), time.perf_counter()
    local = sdw.run_many(model, params, vars=vars, stop=a.stop, saveper=a.saveper, engine=a.engine)
    local_s, local_cpu = time.perf_counter() - t, cpu_seconds() - cpu0
    print(f"model={a.model} runs={a.runs} param={name} stop={a.stop} saveper={a.saveper} columns={local.shape[1]} "
          f"rows={len(local)}")
    print(f"local (one engine batch, every core, ran by {local.attrs['engine']}): {local_s:.2f} s, "
          f"{a.runs / local_s:.0f} runs/s; CPU {local_cpu:.1f} s ({local_cpu / a.runs * 1e3:.2f} ms a run)")
    from distributed import Client, LocalCluster
    t = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=40)
    client = Client(cluster)
    start_s = time.perf_counter() - t
    workers_cpu = lambda: sum(client.run(cpu_seconds).values())  # noqa: E731
    cpu0, t = workers_cpu(), time.perf_counter()
    spread = sdw.run_many(model, params, vars=vars, stop=a.stop, saveper=a.saveper, client=client,
                          engine=a.engine)
    dask_s, dask_cpu = time.perf_counter() - t, workers_cpu() - cpu0
    print(f"Dask LocalCluster, 2 worker processes x 1 thread (ran by {spread.attrs['engine']}): {dask_s:.2f} s, "
          f"{a.runs / dask_s:.0f} runs/s; workers' CPU {dask_cpu:.1f} s "
          f"(cluster start {start_s:.1f} s, not counted); identical to local: {spread.equals(local)}")
    client.close()
    cluster.close()


if __name__ == "__main__":  # Dask's spawned workers import this file again
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["overhead", "batch"])
    parser.add_argument("model")
    parser.add_argument("--repeat", type=int, default=200, help="runs timed for the overhead medians")
    parser.add_argument("--runs", type=int, default=10000, help="runs in the batch")
    parser.add_argument("--param", default="reablement_staff", help="the constant the batch varies")
    parser.add_argument("--vars", default="", help="comma-separated columns (batch default: outcome measures)")
    parser.add_argument("--stop", type=float, default=None)
    parser.add_argument("--saveper", type=float, default=None, help="save interval of the batch's runs")
    parser.add_argument("--engine", default="auto", choices=["auto", "interp", "compiled"])
    args = parser.parse_args()
    overhead(args) if args.what == "overhead" else batch(args)
