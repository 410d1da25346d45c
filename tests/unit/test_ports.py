"""Ports for the workers a bench or demo starts one after the other."""

import socket

from streams.broker import free_ports


def test_free_ports_are_distinct_and_bindable():
    ports = free_ports(8)
    assert len(set(ports)) == 8
    socks = [socket.socket() for _ in ports]
    try:
        for sock, port in zip(socks, ports):
            sock.bind(("127.0.0.1", port))  # each is free to take, all at once
    finally:
        for sock in socks:
            sock.close()
