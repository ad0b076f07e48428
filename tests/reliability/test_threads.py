"""C14 / issue item 6: one Interp used from several Python threads takes
turns (a lock per interpreter), so no write is lost; interpreters in
different threads run independently."""

import sys
import threading

from tclish import Interp


def _hammer(ip, k, rounds, lost):
    for i in range(rounds):
        ip.eval("set v%d %d" % (k, i))
        ip.eval("proc p%d {} {set local 1; return [expr {$local + 1}]}; p%d" % (k, k))
        if ip.eval("set v%d" % k) != str(i):
            lost.append((k, i))


def test_one_interp_many_threads():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        ip = Interp()
        lost = []
        threads = [threading.Thread(target=_hammer, args=(ip, k, 300, lost)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert lost == []
    assert ip.eval("info level") == "0"


def test_interps_in_threads_are_independent():
    results = {}

    def work(k):
        ip = Interp()
        ip.eval("set total 0; for {set i 0} {$i < 2000} {incr i} {incr total %d}" % k)
        results[k] = ip.eval("set total")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {k: str(2000 * k) for k in range(1, 5)}
