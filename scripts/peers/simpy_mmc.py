#!/usr/bin/env python3
"""M/M/c reference model in SimPy (peer benchmark for onestop).

Model (the reference model of scripts/bench-peers.sh): c servers, Poisson arrivals at rate lambda,
exponential service at rate mu per server, FIFO, unlimited queue, starts empty.

Stopping rule (shared by all peer models in scripts/peers/): run until the
horizon T = customers / lambda (so about `customers` arrivals are generated).
A customer is counted when their service *completes* before T; mean_wait and
p_wait are over those customers (wait = service start - arrival).

Idiomatic SimPy: a source generator process, one process per customer, and a
simpy.Resource for the desks. Random numbers from Python's random.Random(seed).

Prints one JSON line:
  {"tool":"simpy","version":...,"customers":served,"mean_wait":min,"p_wait":frac}
"""
import argparse
import json
import random

import simpy


def customer(env, desks, rng, mu, stats):
    arrived = env.now
    with desks.request() as req:
        yield req
        wait = env.now - arrived
        yield env.timeout(rng.expovariate(mu))
    # Service completed: record this customer.
    stats[0] += 1
    stats[1] += wait
    if wait > 0.0:
        stats[2] += 1


def source(env, desks, rng, lam, mu, stats):
    while True:
        yield env.timeout(rng.expovariate(lam))
        env.process(customer(env, desks, rng, mu, stats))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--servers", type=int, default=8)
    p.add_argument("--arrival-rate", type=float, default=7.2, help="per minute")
    p.add_argument("--service-rate", type=float, default=1.0, help="per minute per server")
    p.add_argument("--customers", type=int, default=1_000_000,
                   help="horizon is customers / arrival-rate")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()

    rng = random.Random(a.seed)
    env = simpy.Environment()
    desks = simpy.Resource(env, capacity=a.servers)
    stats = [0, 0.0, 0]  # served, total wait, number who waited
    env.process(source(env, desks, rng, a.arrival_rate, a.service_rate, stats))
    horizon = a.customers / a.arrival_rate
    env.run(until=horizon)

    served, total_wait, waited = stats
    print(json.dumps({
        "tool": "simpy",
        "version": simpy.__version__,
        "customers": served,
        "mean_wait": total_wait / served if served else None,
        "p_wait": waited / served if served else None,
        "horizon": horizon,
    }))


if __name__ == "__main__":
    main()
