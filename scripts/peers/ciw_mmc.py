#!/usr/bin/env python3
"""M/M/c reference model in Ciw (peer benchmark for onestop).

Model (the reference model of scripts/bench-peers.sh): c servers, Poisson arrivals at rate lambda,
exponential service at rate mu per server, FIFO, unlimited queue, starts empty.

Stopping rule (shared by all peer models in scripts/peers/): simulate until the
horizon T = customers / lambda via simulate_until_max_time. A customer is
counted when their service completes before T (Ciw's "service" records);
mean_wait and p_wait are over those customers.

Prints one JSON line:
  {"tool":"ciw","version":...,"customers":served,"mean_wait":min,"p_wait":frac}
"""
import argparse
import json

import ciw


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--servers", type=int, default=8)
    p.add_argument("--arrival-rate", type=float, default=7.2, help="per minute")
    p.add_argument("--service-rate", type=float, default=1.0, help="per minute per server")
    p.add_argument("--customers", type=int, default=1_000_000,
                   help="horizon is customers / arrival-rate")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()

    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=a.arrival_rate)],
        service_distributions=[ciw.dists.Exponential(rate=a.service_rate)],
        number_of_servers=[a.servers],
    )
    ciw.seed(a.seed)
    sim = ciw.Simulation(network)
    horizon = a.customers / a.arrival_rate
    sim.simulate_until_max_time(horizon)

    served = 0
    total_wait = 0.0
    waited = 0
    for r in sim.get_all_records(only=["service"]):
        served += 1
        total_wait += r.waiting_time
        if r.waiting_time > 0.0:
            waited += 1

    print(json.dumps({
        "tool": "ciw",
        "version": ciw.__version__,
        "customers": served,
        "mean_wait": total_wait / served if served else None,
        "p_wait": waited / served if served else None,
        "horizon": horizon,
    }))


if __name__ == "__main__":
    main()
